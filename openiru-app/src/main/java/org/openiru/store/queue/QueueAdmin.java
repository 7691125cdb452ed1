package org.openiru.store.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.ApiException;

/** What administrators see of the queues, and what they may do with jobs that gave up: retry or discard. */
public final class QueueAdmin {
    /** Counts of one queue; {@code oldestReadySeconds} is how long the longest-waiting due job has waited. */
    public record QueueStats(String queue, long ready, long running, long dead, Long oldestReadySeconds,
                             long failedLastHour) {
    }

    public record DeadJob(long id, String queue, String key, int attempts, String lastError, Instant failedAt) {
    }

    private static final String DEAD_JOB_COLUMNS = "id, queue, idempotency_key, attempts, last_error, last_failed_at";
    private final Jdbi jdbi;
    private final AuditLog audit;

    public QueueAdmin(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public List<QueueStats> stats() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT queue,
                    count(*) FILTER (WHERE state = 'ready') AS ready,
                    count(*) FILTER (WHERE state = 'running') AS running,
                    count(*) FILTER (WHERE state = 'dead') AS dead,
                    floor(extract(epoch FROM now() - min(run_at) FILTER (WHERE state = 'ready' AND run_at <= now())))
                        AS oldest_ready,
                    count(*) FILTER (WHERE last_failed_at > now() - interval '1 hour') AS failed_last_hour
                FROM jobs GROUP BY queue ORDER BY queue""")
                .map((rs, ctx) -> new QueueStats(rs.getString("queue"), rs.getLong("ready"), rs.getLong("running"),
                        rs.getLong("dead"), rs.getObject("oldest_ready") == null ? null : rs.getLong("oldest_ready"),
                        rs.getLong("failed_last_hour")))
                .list());
    }

    /** The most recently failed dead jobs first. */
    public List<DeadJob> deadJobs(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + DEAD_JOB_COLUMNS + " FROM jobs WHERE state = 'dead' "
                        + "ORDER BY last_failed_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(QueueAdmin::mapDead).list());
    }

    /** Gives a dead job a fresh set of attempts, starting now. */
    public void retry(Actor actor, long id) {
        change(actor, id, "queue.job.retried", """
                UPDATE jobs SET state = 'ready', attempts = 0, run_at = now(), finished_at = NULL, updated_at = now()
                WHERE id = :id""");
    }

    /** Gives up on a dead job for good; the row stays, so its key stays taken and the page can show it. */
    public void discard(Actor actor, long id) {
        change(actor, id, "queue.job.discarded", """
                UPDATE jobs SET state = 'discarded', finished_at = now(), updated_at = now() WHERE id = :id""");
    }

    private void change(Actor actor, long id, String action, String sql) {
        jdbi.useTransaction(h -> {
            DeadJob job = lockDead(h, id);
            h.createUpdate(sql).bind("id", id).execute();
            audit.record(h, actor, action, "job", id, Map.of("queue", job.queue(), "key", job.key(),
                    "attempts", job.attempts(), "lastError", job.lastError() == null ? "" : job.lastError()));
        });
    }

    private static DeadJob lockDead(Handle h, long id) {
        var row = h.createQuery("SELECT state, " + DEAD_JOB_COLUMNS + " FROM jobs WHERE id = :id FOR UPDATE")
                .bind("id", id).map((rs, ctx) -> Map.entry(rs.getString("state"), mapDead(rs, ctx)))
                .findOne().orElseThrow(() -> ApiException.notFound("Job " + id));
        if (!row.getKey().equals("dead")) {
            throw ApiException.conflict("state", "Job " + id + " is " + row.getKey() + ", not dead: only dead jobs "
                    + "can be retried or discarded");
        }
        return row.getValue();
    }

    private static DeadJob mapDead(ResultSet rs, StatementContext ctx) throws SQLException {
        OffsetDateTime failedAt = rs.getObject("last_failed_at", OffsetDateTime.class);
        return new DeadJob(rs.getLong("id"), rs.getString("queue"), rs.getString("idempotency_key"),
                rs.getInt("attempts"), rs.getString("last_error"), failedAt == null ? null : failedAt.toInstant());
    }
}
