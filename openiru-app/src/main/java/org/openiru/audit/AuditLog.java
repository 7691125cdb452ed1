package org.openiru.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.openiru.store.Rows;
import org.openiru.app.Json;

/**
 * The append-only, hash-chained record of every state change. Features call {@link #record} inside the
 * transaction that makes the change, so the change and its audit row commit or fail together.
 */
public final class AuditLog {
    /** Serialises appends so that each row links to the one before it. */
    private static final long APPEND_LOCK = 0x4f70656e495255L;

    private final Jdbi jdbi;

    public AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Appends one event; {@code payload} is any value Jackson can write (a map, a record, before/after). */
    public long record(Handle h, Actor actor, String action, String subjectType, Object subjectId, Object payload) {
        h.execute("SELECT pg_advisory_xact_lock(?)", APPEND_LOCK);
        byte[] prev = h.createQuery("SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1")
                .mapTo(byte[].class).findOne().orElse(AuditChain.GENESIS);
        long seq = h.createQuery("SELECT nextval('audit_events_seq_seq')").mapTo(Long.class).one();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String json = Json.write(payload == null ? java.util.Map.of() : payload);
        String subject = String.valueOf(subjectId);
        byte[] hash = AuditChain.hash(prev, seq, now, actor.userId(), actor.name(), actor.unitId(), action,
                subjectType, subject, json, actor.requestId());
        h.createUpdate("""
                INSERT INTO audit_events (seq, occurred_at, actor_id, actor_name, unit_id, action, subject_type,
                    subject_id, payload, request_id, prev_hash, hash)
                VALUES (:seq, :at, :actorId, :actorName, :unitId, :action, :subjectType, :subjectId,
                    CAST(:payload AS json), :requestId, :prev, :hash)""")
                .bind("seq", seq).bind("at", Rows.utc(now))
                .bind("actorId", actor.userId()).bind("actorName", actor.name()).bind("unitId", actor.unitId())
                .bind("action", action).bind("subjectType", subjectType).bind("subjectId", subject)
                .bind("payload", json).bind("requestId", actor.requestId()).bind("prev", prev).bind("hash", hash)
                .execute();
        return seq;
    }

    /** One subject of {@link #recordAll}: its id and payload. */
    public record Subject(Object id, Object payload) {
    }

    /**
     * Appends one event per subject, all with the same actor and action, chained in list order: the same rows
     * as calling {@link #record} for each, in a few round trips instead of four per row (bulk decisions such as
     * a referral of thousands of cases).
     */
    public void recordAll(Handle h, Actor actor, String action, String subjectType, List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        h.execute("SELECT pg_advisory_xact_lock(?)", APPEND_LOCK);
        byte[] prev = h.createQuery("SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1")
                .mapTo(byte[].class).findOne().orElse(AuditChain.GENESIS);
        List<Long> seqs = h.createQuery("SELECT nextval('audit_events_seq_seq') FROM generate_series(1, ?)")
                .bind(0, subjects.size()).mapTo(Long.class).list().stream().sorted().toList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = Rows.utc(now);
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("""
                INSERT INTO audit_events (seq, occurred_at, actor_id, actor_name, unit_id, action, subject_type,
                    subject_id, payload, request_id, prev_hash, hash)
                VALUES (:seq, :at, :actorId, :actorName, :unitId, :action, :subjectType, :subjectId,
                    CAST(:payload AS json), :requestId, :prev, :hash)""");
        for (int i = 0; i < subjects.size(); i++) {
            Subject s = subjects.get(i);
            String json = Json.write(s.payload() == null ? java.util.Map.of() : s.payload());
            String subject = String.valueOf(s.id());
            byte[] hash = AuditChain.hash(prev, seqs.get(i), now, actor.userId(), actor.name(), actor.unitId(),
                    action, subjectType, subject, json, actor.requestId());
            batch.bind("seq", seqs.get(i)).bind("at", at).bind("actorId", actor.userId())
                    .bind("actorName", actor.name()).bind("unitId", actor.unitId()).bind("action", action)
                    .bind("subjectType", subjectType).bind("subjectId", subject).bind("payload", json)
                    .bind("requestId", actor.requestId()).bind("prev", prev).bind("hash", hash).add();
            prev = hash;
        }
        batch.execute();
    }

    /** Convenience for changes that are only the audit row (e.g. a login). */
    public long record(Actor actor, String action, String subjectType, Object subjectId, Object payload) {
        return jdbi.inTransaction(h -> record(h, actor, action, subjectType, subjectId, payload));
    }

    /** What {@link #verify()} found. {@code firstBroken} is the first row whose hash or link is wrong. */
    public record Verification(long rowsChecked, Optional<Long> firstBroken, String problem) {
        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }

    /** Recomputes the whole chain in order, streaming, and names the first row that does not hold. */
    public Verification verify() {
        return jdbi.inTransaction(h -> {
            byte[] expectedPrev = AuditChain.GENESIS;
            long count = 0;
            try (var rows = select(h, "ORDER BY seq", new Filter(null, null, null, null, null, null))
                    .setFetchSize(1000).map(AuditLog::map).stream()) {
                for (AuditEvent e : (Iterable<AuditEvent>) rows::iterator) {
                    count++;
                    if (!java.util.Arrays.equals(e.prevHash(), expectedPrev)) {
                        return new Verification(count, Optional.of(e.seq()),
                                "row " + e.seq() + " does not link to the row before it (a row was removed or "
                                        + "reordered before it)");
                    }
                    if (!java.util.Arrays.equals(AuditChain.hash(e), e.hash())) {
                        return new Verification(count, Optional.of(e.seq()),
                                "row " + e.seq() + " was changed after it was written (stored hash "
                                        + HexFormat.of().formatHex(e.hash()).substring(0, 16) + "… does not match)");
                    }
                    expectedPrev = e.hash();
                }
            }
            return new Verification(count, Optional.empty(), "");
        });
    }

    /** Filters of the audit page and API; null means any. */
    public record Filter(String action, String subjectType, String subjectId, String actorName, Instant from,
                         Instant to) {
    }

    /** Newest first, at most {@code limit} rows older than {@code beforeSeq} (for paging). */
    public List<AuditEvent> search(Filter f, Long beforeSeq, int limit) {
        return jdbi.withHandle(h -> {
            Query q = select(h, (beforeSeq == null ? "" : "AND seq < :before ") + "ORDER BY seq DESC LIMIT :limit", f)
                    .bind("limit", limit);
            if (beforeSeq != null) {
                q.bind("before", beforeSeq);
            }
            return new ArrayList<>(q.map(AuditLog::map).list());
        });
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM audit_events").mapTo(Long.class).one());
    }

    private static Query select(Handle h, String tail, Filter f) {
        Query q = h.createQuery("""
                SELECT seq, occurred_at, actor_id, actor_name, unit_id, action, subject_type, subject_id,
                       payload::text AS payload, request_id, prev_hash, hash
                FROM audit_events
                WHERE (CAST(:action AS text) IS NULL OR action = :action)
                  AND (CAST(:subjectType AS text) IS NULL OR subject_type = :subjectType)
                  AND (CAST(:subjectId AS text) IS NULL OR subject_id = :subjectId)
                  AND (CAST(:actorName AS text) IS NULL OR actor_name ILIKE '%' || :actorName || '%')
                  AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                """ + tail);
        return q.bind("action", f.action()).bind("subjectType", f.subjectType()).bind("subjectId", f.subjectId())
                .bind("actorName", f.actorName())
                .bind("from", Rows.utc(f.from()))
                .bind("to", Rows.utc(f.to()));
    }

    private static AuditEvent map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new AuditEvent(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                (Long) rs.getObject("actor_id"), rs.getString("actor_name"), (Long) rs.getObject("unit_id"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("payload"), rs.getString("request_id"), rs.getBytes("prev_hash"),
                rs.getBytes("hash"));
    }
}
