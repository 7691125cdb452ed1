package org.openiru.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Rows;
import org.openiru.app.Json;

/**
 * The check schedule in the database: new referred items get their schedule in one statement, due checks are
 * claimed under a lease ({@code FOR UPDATE SKIP LOCKED}, at most {@code perHost} at once per host, so a platform
 * with thousands of referred URLs is not hammered), and each result is recorded together with the next due time.
 * All times come from the application's clock.
 */
public final class Checks {
    /** One claimed check; {@code token} is the claim's lease, without which the result is not recorded. */
    public record Due(long referralItemId, long platformId, String url, Instant startsAt, UUID token) {
    }

    /** Serialises claims so that the per-host count is exact (a claim is one short statement). */
    private static final long CLAIM_LOCK = 0x7665726966794cL;
    private static final Duration HORIZON = CheckSchedule.OFFSETS.get(CheckSchedule.OFFSETS.size() - 1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Checker checker;
    private final GoneMarkers markers;
    private final int perHost;

    public Checks(Jdbi jdbi, Clock clock, Checker checker, GoneMarkers markers, int perHost) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.checker = checker;
        this.markers = markers;
        this.perHost = perHost;
    }

    /** Gives every referred item of a recent referral that has no schedule yet its first check; returns how many. */
    public int scheduleNew() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO verify_schedule (referral_item_id, host, starts_at, next_check_at)
                SELECT ri.id, verify_host(ri.url), r.created_at, r.created_at + :firstMs * interval '1 millisecond'
                FROM referral_items ri JOIN referrals r ON r.id = ri.referral_id
                WHERE r.created_at > :since
                  AND NOT EXISTS (SELECT 1 FROM verify_schedule s WHERE s.referral_item_id = ri.id)
                ON CONFLICT (referral_item_id) DO NOTHING""")
                .bind("firstMs", CheckSchedule.OFFSETS.get(0).toMillis()).bind("since", Rows.utc(now.minus(HORIZON)))
                .execute());
    }

    /** How many checks are due and not being made. */
    public int countDue() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM verify_schedule
                WHERE next_check_at <= :now AND (lease_token IS NULL OR lease_until <= :now)""")
                .bind("now", Rows.utc(now)).mapTo(Integer.class).one());
    }

    /** Takes up to {@code max} due checks, oldest first, leaving other workers what is leased or over a host's share. */
    public List<Due> claim(int max, Duration lease) {
        Instant now = clock.instant();
        UUID token = UUID.randomUUID();
        return jdbi.inTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(?)", CLAIM_LOCK);
            return h.createQuery("""
                    UPDATE verify_schedule s SET lease_until = :until, lease_token = :token
                    FROM referral_items ri
                    WHERE ri.id = s.referral_item_id AND s.referral_item_id IN (
                        SELECT referral_item_id FROM verify_schedule WHERE referral_item_id IN (
                            SELECT c.referral_item_id FROM (
                                SELECT d.referral_item_id, d.next_check_at,
                                       row_number() OVER (PARTITION BY d.host ORDER BY d.next_check_at,
                                           d.referral_item_id) AS n,
                                       coalesce(b.busy, 0) AS busy
                                FROM verify_schedule d
                                LEFT JOIN (SELECT host, count(*) AS busy FROM verify_schedule
                                           WHERE lease_token IS NOT NULL AND lease_until > :now GROUP BY host) b
                                       ON b.host = d.host
                                WHERE d.next_check_at <= :now AND (d.lease_token IS NULL OR d.lease_until <= :now)
                            ) c
                            WHERE c.n + c.busy <= :perHost
                            ORDER BY c.next_check_at, c.referral_item_id
                            LIMIT :max)
                        FOR UPDATE SKIP LOCKED)
                    RETURNING s.referral_item_id, ri.platform_id, ri.url, s.starts_at""")
                    .bind("until", Rows.utc(now.plus(lease))).bind("token", token).bind("now", Rows.utc(now))
                    .bind("perHost", perHost).bind("max", max)
                    .map((rs, ctx) -> new Due(rs.getLong("referral_item_id"), rs.getLong("platform_id"),
                            rs.getString("url"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(), token))
                    .list();
        });
    }

    /**
     * Records a check made at {@code checkedAt} and schedules the next; false (nothing written) when the claim
     * no longer holds the item because its lease ran out and another worker took it.
     */
    public boolean record(Due due, CheckResult r, Instant checkedAt) {
        Instant next = CheckSchedule.next(due.startsAt(), checkedAt).orElse(null);
        return jdbi.inTransaction(h -> {
            int held = h.createUpdate("""
                    UPDATE verify_schedule SET checks_done = checks_done + 1, next_check_at = :next,
                        lease_until = NULL, lease_token = NULL
                    WHERE referral_item_id = :id AND lease_token = :token""")
                    .bind("next", next == null ? null : Rows.utc(next)).bind("id", due.referralItemId())
                    .bind("token", due.token()).execute();
            if (held != 1) {
                return false;
            }
            h.createUpdate("""
                    INSERT INTO verify_checks (referral_item_id, checked_at, outcome, http_status, url, final_url,
                        redirects, marker_id, marker_label, error, duration_ms)
                    VALUES (:id, :at, :outcome, :status, :url, :finalUrl, CAST(:redirects AS jsonb), :marker, :label,
                        :error, :ms)""")
                    .bind("id", due.referralItemId()).bind("at", Rows.utc(checkedAt)).bind("outcome", r.outcome())
                    .bind("status", r.httpStatus()).bind("url", due.url()).bind("finalUrl", r.finalUrl())
                    .bind("redirects", Json.write(r.redirects()))
                    .bind("marker", r.marker() == null ? null : r.marker().id())
                    .bind("label", r.marker() == null ? "" : r.marker().label())
                    .bind("error", r.error()).bind("ms", (int) Math.min(Integer.MAX_VALUE, r.durationMs()))
                    .execute();
            return true;
        });
    }

    /**
     * Claims and makes due checks, {@code batch} at a time, until none is due or {@code budget} is spent (so a
     * worker thread is not held for long); returns how many checks were recorded.
     */
    public int runDue(int batch, Duration lease, Duration budget) {
        long end = System.nanoTime() + budget.toNanos();
        int done = 0;
        while (System.nanoTime() < end) {
            List<Due> claimed = claim(batch, lease);
            if (claimed.isEmpty()) {
                break;
            }
            List<GoneMarker> current = markers.enabled();
            for (Due d : claimed) {
                Instant at = clock.instant();
                if (record(d, checker.check(d.url(), d.platformId(), current), at)) {
                    done++;
                }
            }
        }
        return done;
    }

}
