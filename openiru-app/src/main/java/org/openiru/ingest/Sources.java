package org.openiru.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.openiru.app.Json;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;

/**
 * The sources table. A source is audited when it starts and when it ends (with its counts), never per
 * item: an import of a million messages is one decision by one person.
 */
public final class Sources {
    private static final TypeReference<List<ImportError>> ERRORS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, kind, name, location, status, created_by, started_at, finished_at, "
            + "new_count, updated_count, duplicate_count, failed_count, skipped_count, errors::text AS errors, "
            + "error_count";
    private final Jdbi jdbi;
    private final AuditLog audit;

    public Sources(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public long start(Actor who, String kind, String name, String location) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO sources (kind, name, location, created_by) VALUES (?, ?, ?, ?)""")
                    .bind(0, kind).bind(1, name).bind(2, location).bind(3, who.name())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, who, "ingest.source.started", "source", id,
                    Map.of("kind", kind, "name", name, "location", location));
            return id;
        });
    }

    /** Adds a batch's counts, in the batch's own transaction, so counts and rows never disagree. */
    void addCounts(Handle h, long id, BatchCounts c) {
        h.createUpdate("""
                        UPDATE sources SET new_count = new_count + ?, updated_count = updated_count + ?,
                            duplicate_count = duplicate_count + ? WHERE id = ?""")
                .bind(0, c.created()).bind(1, c.updated()).bind(2, c.duplicate()).bind(3, id).execute();
    }

    /** Ends a source with its status, the counts kept outside the batches, and the first errors. */
    void finish(Actor who, long id, String status, long failed, long skipped, List<ImportError> errors,
                long errorCount) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            UPDATE sources SET status = ?, finished_at = now(), failed_count = ?, skipped_count = ?,
                                errors = CAST(? AS jsonb), error_count = ? WHERE id = ?""")
                    .bind(0, status).bind(1, failed).bind(2, skipped).bind(3, Json.write(errors))
                    .bind(4, errorCount).bind(5, id).execute();
            Source s = find(h, id).orElseThrow();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("status", status);
            payload.put("new", s.newCount());
            payload.put("updated", s.updatedCount());
            payload.put("duplicate", s.duplicateCount());
            payload.put("failed", s.failedCount());
            payload.put("skipped", s.skippedCount());
            payload.put("errors", s.errorCount());
            audit.record(h, who, "ingest.source.finished", "source", id, payload);
        });
    }

    /** The latest sources, newest first. */
    public List<Source> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM sources ORDER BY id DESC LIMIT ?")
                .bind(0, limit).map(Sources::map).list());
    }

    public Optional<Source> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    private static Optional<Source> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sources WHERE id = ?")
                .bind(0, id).map(Sources::map).findOne();
    }

    private static Source map(ResultSet rs, StatementContext ctx) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        List<ImportError> errors;
        try {
            errors = Json.MAPPER.readValue(rs.getString("errors"), ERRORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sources.errors of source " + rs.getLong("id") + " is not a list", e);
        }
        return new Source(rs.getLong("id"), rs.getString("kind"), rs.getString("name"), rs.getString("location"),
                rs.getString("status"), rs.getString("created_by"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), rs.getLong("new_count"), rs.getLong("updated_count"),
                rs.getLong("duplicate_count"), rs.getLong("failed_count"), rs.getLong("skipped_count"), errors,
                rs.getLong("error_count"));
    }
}
