package org.openiru.delivery;

import static org.openiru.store.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.openiru.store.Rows;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.ApiException;

/**
 * The outbox as the workers and the delivery log see it: claiming due rows under a lease, recording each
 * attempt's result, backing off after failures until the row is dead, and giving dead rows another go.
 */
public final class Deliveries {
    /** Tries in all before a delivery is dead (shown as a dead letter). */
    public static final int MAX_ATTEMPTS = 5;
    /** Waits after the 1st, 2nd, 3rd and 4th failure: 1, 2, 4 and 8 minutes. */
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    public static final List<String> STATUSES = List.of("pending", "sent", "dead");
    public static final List<String> CHANNELS = List.of("email", "webhook");

    /** A claimed row, with what sending it needs. {@code lease} is both its deadline and its claim token. */
    public record Claimed(long id, String key, String channel, String purpose, Long platformId, Long referralId,
                          String recipient, String subject, String text, String json, int attempts,
                          Instant lease, String webhookSecret, List<Outgoing.Attachment> attachments) {
    }

    /** One row of the delivery log. */
    public record Row(long id, String key, String channel, String purpose, Long platformId, String platformName,
                      Long referralId, String recipient, String subject, String status, int attempts,
                      Instant nextAttemptAt, Instant createdAt, Instant sentAt, List<Attempt> attemptLog) {
    }

    public record Attempt(int attempt, Instant startedAt, Instant finishedAt, boolean ok, String detail,
                          String worker) {
    }

    /** Filters of the log; null means any. */
    public record Filter(String status, String channel, Long platformId) {
        public Filter {
            if (status != null && !STATUSES.contains(status)) {
                throw ApiException.badRequest("status", "status must be one of " + String.join(", ", STATUSES));
            }
            if (channel != null && !CHANNELS.contains(channel)) {
                throw ApiException.badRequest("channel", "channel must be one of " + String.join(", ", CHANNELS));
            }
        }
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public Deliveries(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Takes up to {@code max} due rows that no live worker holds (several workers and processes claim at once:
     * SKIP LOCKED), leases them, and commits before anything is sent.
     */
    List<Claimed> claim(int max, Duration lease) {
        Instant now = clock.instant();
        Instant until = now.plus(lease);
        return jdbi.inTransaction(h -> {
            List<Claimed> rows = h.createQuery("""
                            UPDATE deliveries d SET leased_until = :until
                            WHERE d.id IN (
                                SELECT id FROM deliveries
                                WHERE status = 'pending' AND next_attempt_at <= :now
                                  AND (leased_until IS NULL OR leased_until < :now)
                                ORDER BY next_attempt_at, id
                                FOR UPDATE SKIP LOCKED
                                LIMIT :max)
                            RETURNING d.id, d.key, d.channel, d.purpose, d.platform_id, d.referral_id, d.recipient,
                                d.subject, d.body_text, CAST(d.body_json AS text) AS body_json, d.attempts,
                                d.leased_until,
                                (SELECT p.webhook_secret FROM platforms p WHERE p.id = d.platform_id) AS secret""")
                    .bind("now", at(now)).bind("until", at(until)).bind("max", max)
                    .map(Deliveries::mapClaimed).list();
            if (rows.stream().noneMatch(c -> c.channel().equals("email"))) {
                return rows;
            }
            Map<Long, List<Outgoing.Attachment>> files = new HashMap<>();
            h.createQuery("""
                            SELECT delivery_id, file_name, media_type, content FROM delivery_attachments
                            WHERE delivery_id = ANY(:ids) ORDER BY delivery_id, position""")
                    .bind("ids", rows.stream().mapToLong(Claimed::id).toArray())
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), new Outgoing.Attachment(rs.getString(2),
                            rs.getString(3), rs.getBytes(4))))
                    .forEach(e -> files.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return rows.stream().map(c -> files.containsKey(c.id()) ? withAttachments(c, files.get(c.id())) : c)
                    .toList();
        });
    }

    /** Gives back rows a worker claimed but will not send now (it is stopping, or its lease runs short). */
    void release(List<Claimed> rows) {
        jdbi.useHandle(h -> {
            for (Claimed c : rows) {
                h.createUpdate("UPDATE deliveries SET leased_until = NULL WHERE id = :id AND leased_until = :lease")
                        .bind("id", c.id()).bind("lease", at(c.lease())).execute();
            }
        });
    }

    /**
     * Records a successful send, in one transaction with its attempt row and, for a platform's referral or
     * order, the receipt that starts a removal order's one-hour clock.
     *
     * @return false when the row was no longer this worker's (its lease had run out and another took it)
     */
    boolean sent(Claimed c, Instant started, String detail, String worker) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                            UPDATE deliveries SET status = 'sent', sent_at = :now, attempts = attempts + 1,
                                leased_until = NULL
                            WHERE id = :id AND status = 'pending' AND leased_until = :lease""")
                    .bind("now", at(now)).bind("id", c.id()).bind("lease", at(c.lease())).execute();
            logAttempt(h, c, started, now, true, detail, worker);
            if (n == 1 && c.purpose().equals("platform") && c.referralId() != null) {
                // The first confirmed receipt wins (a platform user may have opened it in the portal before).
                h.createUpdate("""
                                UPDATE referrals SET received_at = :now, received_via = :channel
                                WHERE id = :id AND received_at IS NULL""")
                        .bind("now", at(now)).bind("channel", c.channel()).bind("id", c.referralId()).execute();
            }
            return n == 1;
        });
    }

    /** Records a failed try and schedules the next one with exponential backoff, or gives up (dead). */
    boolean failed(Claimed c, Instant started, String detail, String worker) {
        Instant now = clock.instant();
        int attempt = c.attempts() + 1;
        boolean last = attempt >= MAX_ATTEMPTS;
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                            UPDATE deliveries SET attempts = attempts + 1, leased_until = NULL,
                                status = CASE WHEN :last THEN 'dead' ELSE 'pending' END, next_attempt_at = :next
                            WHERE id = :id AND status = 'pending' AND leased_until = :lease""")
                    .bind("last", last).bind("next", at(last ? now : now.plus(backoff(attempt))))
                    .bind("id", c.id()).bind("lease", at(c.lease())).execute();
            logAttempt(h, c, started, now, false, detail, worker);
            return n == 1;
        });
    }

    /** How long to wait after the {@code attempt}-th failure: 1 minute, doubling each time. */
    static Duration backoff(int attempt) {
        return FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    private static void logAttempt(Handle h, Claimed c, Instant started, Instant finished, boolean ok, String detail,
                                   String worker) {
        h.createUpdate("""
                        INSERT INTO delivery_attempts (delivery_id, attempt, started_at, finished_at, ok, detail, worker)
                        VALUES (:d, :attempt, :started, :finished, :ok, :detail, :worker)""")
                .bind("d", c.id()).bind("attempt", c.attempts() + 1).bind("started", at(started))
                .bind("finished", at(finished)).bind("ok", ok).bind("detail", detail).bind("worker", worker)
                .execute();
    }

    /** Gives a dead delivery a fresh set of tries, starting now; audited. */
    public void retry(Actor actor, long id) {
        jdbi.useTransaction(h -> {
            var row = h.createQuery("SELECT status, key, attempts FROM deliveries WHERE id = :id FOR UPDATE")
                    .bind("id", id).mapToMap().findOne()
                    .orElseThrow(() -> ApiException.notFound("Delivery " + id));
            if (!"dead".equals(row.get("status"))) {
                throw ApiException.conflict("status", "Delivery " + id + " is " + row.get("status")
                        + ", not dead: only dead deliveries can be retried");
            }
            h.createUpdate("""
                            UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = :now,
                                leased_until = NULL
                            WHERE id = :id""")
                    .bind("now", at(clock.instant())).bind("id", id).execute();
            audit.record(h, actor, "delivery.retried", "delivery", id,
                    Map.of("key", row.get("key"), "attempts", row.get("attempts")));
        });
    }

    /** Newest first, each with its attempts. */
    public List<Row> list(Filter f, int limit) {
        return jdbi.withHandle(h -> {
            List<Row> rows = h.createQuery("""
                            SELECT d.id, d.key, d.channel, d.purpose, d.platform_id, p.name AS platform_name,
                                d.referral_id, d.recipient, d.subject, d.status, d.attempts, d.next_attempt_at,
                                d.created_at, d.sent_at
                            FROM deliveries d LEFT JOIN platforms p ON p.id = d.platform_id
                            WHERE (CAST(:status AS text) IS NULL OR d.status = :status)
                              AND (CAST(:channel AS text) IS NULL OR d.channel = :channel)
                              AND (CAST(:platform AS bigint) IS NULL OR d.platform_id = :platform)
                            ORDER BY d.id DESC LIMIT :limit""")
                    .bind("status", f.status()).bind("channel", f.channel()).bind("platform", f.platformId())
                    .bind("limit", limit)
                    .map(Deliveries::mapRow).list();
            if (rows.isEmpty()) {
                return rows;
            }
            Map<Long, List<Attempt>> log = new HashMap<>();
            h.createQuery("""
                            SELECT delivery_id, attempt, started_at, finished_at, ok, detail, worker
                            FROM delivery_attempts WHERE delivery_id = ANY(:ids) ORDER BY id""")
                    .bind("ids", rows.stream().mapToLong(Row::id).toArray())
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), new Attempt(rs.getInt(2), instant(rs, "started_at"),
                            instant(rs, "finished_at"), rs.getBoolean("ok"), rs.getString("detail"),
                            rs.getString("worker"))))
                    .forEach(e -> log.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return rows.stream().map(r -> new Row(r.id(), r.key(), r.channel(), r.purpose(), r.platformId(),
                    r.platformName(), r.referralId(), r.recipient(), r.subject(), r.status(), r.attempts(),
                    r.nextAttemptAt(), r.createdAt(), r.sentAt(), log.getOrDefault(r.id(), List.of()))).toList();
        });
    }

    /** Counts per status, for the log's header. */
    public Map<String, Long> counts() {
        Map<String, Long> m = new HashMap<>();
        STATUSES.forEach(s -> m.put(s, 0L));
        jdbi.useHandle(h -> h.createQuery("SELECT status, count(*) FROM deliveries GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> m.put(e.getKey(), e.getValue())));
        return m;
    }

    private static Claimed withAttachments(Claimed c, List<Outgoing.Attachment> files) {
        return new Claimed(c.id(), c.key(), c.channel(), c.purpose(), c.platformId(), c.referralId(), c.recipient(),
                c.subject(), c.text(), c.json(), c.attempts(), c.lease(), c.webhookSecret(), List.copyOf(files));
    }

    private static Claimed mapClaimed(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Claimed(rs.getLong("id"), rs.getString("key"), rs.getString("channel"), rs.getString("purpose"),
                (Long) rs.getObject("platform_id"), (Long) rs.getObject("referral_id"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_json"), rs.getInt("attempts"),
                instant(rs, "leased_until"), rs.getString("secret"), List.of());
    }

    private static Row mapRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("key"), rs.getString("channel"), rs.getString("purpose"),
                (Long) rs.getObject("platform_id"), rs.getString("platform_name"), (Long) rs.getObject("referral_id"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "created_at"), instant(rs, "sent_at"), List.of());
    }

    /** Times go to PostgreSQL as timestamptz with microseconds, so a lease read back compares equal. */
    static OffsetDateTime at(Instant t) {
        return Rows.utc(t.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }
}
