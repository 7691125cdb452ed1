package org.openiru.store.queue;

import org.openiru.store.Rows;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The embedded default of {@link JobQueue}: the {@code jobs} table, claimed with {@code SKIP LOCKED}. */
public final class PgJobQueue implements JobQueue {
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    /** Enough of a stack trace to find the cause, without letting one job fill the table. */
    private static final int MAX_ERROR_CHARS = 8000;
    private final Jdbi jdbi;
    private final Backoff backoff;
    private final int maxAttempts;

    public PgJobQueue(Jdbi jdbi, Backoff backoff, int maxAttempts) {
        this.jdbi = jdbi;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public boolean enqueue(String queue, String idempotencyKey, String payloadJson, Instant runAt) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO jobs (queue, idempotency_key, payload, max_attempts, run_at)
                VALUES (:queue, :key, CAST(:payload AS jsonb), :max, COALESCE(:runAt, now()))
                ON CONFLICT (queue, idempotency_key) DO NOTHING""")
                .bind("queue", queue).bind("key", idempotencyKey).bind("payload", payloadJson)
                .bind("max", maxAttempts)
                .bind("runAt", Rows.utc(runAt))
                .execute() == 1);
    }

    @Override
    public List<Job> claim(String queue, int max, Duration lease, String worker) {
        return jdbi.inTransaction(h -> {
            // A worker that died during its last attempt leaves the job running with an expired lease;
            // it has used up its attempts, so it becomes dead rather than being claimed once more.
            h.createUpdate("""
                    UPDATE jobs SET state = 'dead', last_error = 'The worker ' || coalesce(locked_by, '')
                            || ' stopped during the last attempt (its lease expired).',
                        last_failed_at = now(), finished_at = now(), updated_at = now(),
                        lease_token = NULL, lease_until = NULL, locked_by = NULL
                    WHERE queue = :queue AND state = 'running' AND lease_until < now()
                      AND attempts >= max_attempts""").bind("queue", queue).execute();
            return h.createQuery("""
                    UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_token = gen_random_uuid(),
                        lease_until = now() + :leaseMs * interval '1 millisecond', locked_by = :worker,
                        updated_at = now()
                    WHERE id IN (
                        SELECT id FROM jobs
                        WHERE queue = :queue
                          AND ((state = 'ready' AND run_at <= now()) OR (state = 'running' AND lease_until < now()))
                        ORDER BY run_at, id
                        FOR UPDATE SKIP LOCKED
                        LIMIT :max)
                    RETURNING id, queue, idempotency_key, payload::text AS payload, attempts, max_attempts,
                        lease_token""")
                    .bind("queue", queue).bind("max", max).bind("leaseMs", lease.toMillis()).bind("worker", worker)
                    .map(PgJobQueue::map).list();
        });
    }

    @Override
    public boolean complete(Job job) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE jobs SET state = 'done', finished_at = now(), updated_at = now(),
                    lease_token = NULL, lease_until = NULL
                WHERE id = :id AND lease_token = :token AND state = 'running'""")
                .bind("id", job.id()).bind("token", job.leaseToken()).execute() == 1);
    }

    @Override
    public boolean fail(Job job, Throwable error) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE jobs SET
                    state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'ready' END,
                    run_at = now() + :delayMs * interval '1 millisecond',
                    finished_at = CASE WHEN attempts >= max_attempts THEN now() END,
                    last_error = :error, last_failed_at = now(), updated_at = now(),
                    lease_token = NULL, lease_until = NULL, locked_by = NULL
                WHERE id = :id AND lease_token = :token AND state = 'running'""")
                .bind("id", job.id()).bind("token", job.leaseToken())
                .bind("delayMs", backoff.after(job.attempt()).toMillis()).bind("error", describe(error))
                .execute() == 1);
    }

    private static String describe(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String s = out.toString();
        return s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS) + "…";
    }

    private static Job map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("queue"), rs.getString("idempotency_key"),
                rs.getString("payload"), rs.getInt("attempts"), rs.getInt("max_attempts"),
                rs.getObject("lease_token", UUID.class));
    }
}
