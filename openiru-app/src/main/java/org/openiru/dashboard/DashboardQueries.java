package org.openiru.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.openiru.store.Rows;

/**
 * The figures of the unit dashboard, read in one pass over index ranges (migration dashboard/…_indexes): items
 * and hits are the deployment's (items belong to no unit); cases, assessments, referrals and removals are the
 * unit's, or every unit's when {@code unitId} is null. Days are UTC calendar days; "30 days" is today and the 29
 * days before it.
 */
public final class DashboardQueries {
    /** Days in the trends and in the 30-day figures. */
    public static final int DAYS = 30;

    private final Jdbi jdbi;

    public DashboardQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A review queue with the scope's cases waiting in it (state new) and the oldest one's creation. */
    public record QueueDepth(long id, String name, long waiting, Instant oldest) {
    }

    /** Per day, oldest first, the same {@link #days} for every series. */
    public record Trends(List<LocalDate> days, long[] items, long[] hits, long[] assessments, long[] referred,
                         long[] removed) {
    }

    /**
     * Everything but the open orders (which {@link Dashboard} reads live).
     *
     * @param referredItems30  items referred (or ordered) in the 30 days; {@code removedOfReferred} of them are
     *                         down now
     * @param removals30       items whose first removal fell in the 30 days, whenever they were referred
     * @param medianToAssess   case created to its assessment, median of the assessments of the 30 days
     * @param medianToApprove  assessment to its approval, median of the approvals of the 30 days
     */
    public record Figures(Instant computedAt, Long unitId, long itemsToday, long items7, long itemsTotal,
                          long bankHits7, long bandHigh7, long bandMedium7, List<QueueDepth> queues,
                          long approvalsWaiting, long escalated, Duration medianToAssess, Duration medianToApprove,
                          long referrals30, long referredItems30, long removedOfReferred, long removals30,
                          Trends trends) {
        /** Share of the items referred in the 30 days that are down, null when none was referred. */
        public Double removalRate() {
            return referredItems30 == 0 ? null : (double) removedOfReferred / referredItems30;
        }
    }

    public Figures figures(Long unitId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (int d = DAYS - 1; d >= 0; d--) {
            days.add(today.minusDays(d));
        }
        Instant since = days.get(0).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant since7 = today.minusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant();
        return jdbi.withHandle(h -> {
            long[] items = perDay(h, days, """
                    SELECT CAST(date_trunc('day', collected_at AT TIME ZONE 'UTC') AS date) AS day, count(*) AS n
                    FROM items WHERE collected_at >= :since AND collected_at <= :now GROUP BY 1""", since, now, unitId);
            long[] hits = perDay(h, days, """
                    SELECT CAST(date_trunc('day', created_at AT TIME ZONE 'UTC') AS date) AS day, count(*) AS n
                    FROM hits WHERE NOT cancelled_by_negative AND created_at >= :since AND created_at <= :now
                    GROUP BY 1""", since, now, unitId);
            long[] assessments = perDay(h, days, """
                    SELECT CAST(date_trunc('day', a.created_at AT TIME ZONE 'UTC') AS date) AS day, count(*) AS n
                    FROM review_assessments a JOIN review_cases c ON c.id = a.case_id
                    WHERE a.created_at >= :since AND a.created_at <= :now
                      AND (CAST(:unit AS bigint) IS NULL OR c.unit_id = :unit)
                    GROUP BY 1""", since, now, unitId);
            long[] referred = new long[DAYS];
            long[] removedOfReferred = new long[DAYS];
            long[] referrals = new long[DAYS];
            // One row per day of referral: referrals, their items, and how many of those are down now.
            scoped(h.createQuery("""
                    SELECT CAST(date_trunc('day', r.created_at AT TIME ZONE 'UTC') AS date) AS day,
                           count(DISTINCT r.id) AS referrals, count(*) AS items, count(rm.removed_at) AS removed
                    FROM referrals r JOIN referral_items ri ON ri.referral_id = r.id
                    LEFT JOIN LATERAL (SELECT x.removed_at FROM referral_item_removals x
                                       WHERE x.referral_item_id = ri.id AND x.removed_at <= :now) rm ON true
                    WHERE r.created_at >= :since AND r.created_at <= :now
                      AND (CAST(:unit AS bigint) IS NULL OR r.unit_id = :unit)
                    GROUP BY 1"""), since, now, unitId, true)
                    .map((rs, c) -> {
                        int i = days.indexOf(rs.getObject("day", LocalDate.class));
                        if (i >= 0) {
                            referrals[i] = rs.getLong("referrals");
                            referred[i] = rs.getLong("items");
                            removedOfReferred[i] = rs.getLong("removed");
                        }
                        return i;
                    }).list();
            // An item removed in the window has a confirmation or a "gone" check in it: those two index ranges
            // give the candidates, and referral_item_removals says whether its first removal was in the window.
            long[] removed = perDay(h, days, """
                    WITH ev AS (
                        SELECT referral_item_id FROM referral_answers
                        WHERE answer IN ('removed', 'access_disabled') AND acted_at >= :since AND acted_at <= :now
                        UNION
                        SELECT referral_item_id FROM verify_checks
                        WHERE outcome = 'gone' AND checked_at >= :since AND checked_at <= :now)
                    SELECT CAST(date_trunc('day', rm.removed_at AT TIME ZONE 'UTC') AS date) AS day, count(*) AS n
                    FROM ev JOIN referral_items ri ON ri.id = ev.referral_item_id
                    JOIN referrals r ON r.id = ri.referral_id
                    CROSS JOIN LATERAL (SELECT x.removed_at FROM referral_item_removals x
                                        WHERE x.referral_item_id = ev.referral_item_id) rm
                    WHERE rm.removed_at >= :since AND rm.removed_at <= :now
                      AND (CAST(:unit AS bigint) IS NULL OR r.unit_id = :unit)
                    GROUP BY 1""", since, now, unitId);
            long itemsTotal = h.createQuery("SELECT count(*) FROM items").mapTo(Long.class).one();
            long bankHits7 = sumFrom(hits, DAYS - 7);
            Map<String, Long> bands = new HashMap<>();
            h.createQuery("""
                            SELECT band, count(*) FROM item_scores WHERE scored_at >= :since AND scored_at <= :now
                              AND band IN ('high', 'medium') GROUP BY band""")
                    .bind("since", Rows.utc(since7)).bind("now", Rows.utc(now))
                    .map((rs, c) -> bands.put(rs.getString(1), rs.getLong(2))).list();
            Cases cases = cases(h, unitId);
            Duration[] medians = medians(h, unitId, since, now);
            return new Figures(now, unitId, items[DAYS - 1], sumFrom(items, DAYS - 7), itemsTotal, bankHits7,
                    bands.getOrDefault("high", 0L), bands.getOrDefault("medium", 0L), cases.queues, cases.assessed,
                    cases.escalated, medians[0], medians[1], sumFrom(referrals, 0), sumFrom(referred, 0),
                    sumFrom(removedOfReferred, 0), sumFrom(removed, 0),
                    new Trends(List.copyOf(days), items, hits, assessments, referred, removed));
        });
    }

    private record Cases(List<QueueDepth> queues, long assessed, long escalated) {
    }

    /** Queues the scope works (open to all units, or the unit's own) with its cases waiting; decisions waiting. */
    private static Cases cases(Handle h, Long unitId) {
        Map<Long, long[]> waiting = new HashMap<>();
        Map<Long, Instant> oldest = new HashMap<>();
        long[] decisions = new long[2];
        h.createQuery("""
                        SELECT queue_id, state, count(*), min(created_at) FROM review_cases
                        WHERE state IN ('new', 'assessed', 'escalated')
                          AND (CAST(:unit AS bigint) IS NULL OR unit_id = :unit)
                        GROUP BY queue_id, state""").bind("unit", unitId)
                .map((rs, c) -> {
                    switch (rs.getString(2)) {
                        case "new" -> {
                            waiting.put(rs.getLong(1), new long[] {rs.getLong(3)});
                            oldest.put(rs.getLong(1), org.openiru.store.Rows.instant(rs, 4));
                        }
                        case "assessed" -> decisions[0] += rs.getLong(3);
                        default -> decisions[1] += rs.getLong(3);
                    }
                    return 0;
                }).list();
        List<QueueDepth> queues = h.createQuery("""
                        SELECT id, name FROM review_queues
                        WHERE CAST(:unit AS bigint) IS NULL OR unit_id IS NULL OR unit_id = :unit ORDER BY name""")
                .bind("unit", unitId)
                .map((rs, c) -> new QueueDepth(rs.getLong(1), rs.getString(2),
                        waiting.getOrDefault(rs.getLong(1), new long[1])[0], oldest.get(rs.getLong(1)))).list();
        return new Cases(queues, decisions[0], decisions[1]);
    }

    /**
     * Medians over the 30 days: case created to each assessment; each approval from the assessment it approved
     * (the case's latest one before it).
     */
    private static Duration[] medians(Handle h, Long unitId, Instant since, Instant now) {
        return scoped(h.createQuery("""
                SELECT (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.at - c.created_at))
                        FROM review_case_events e JOIN review_cases c ON c.id = e.case_id
                        WHERE e.kind = 'assessed' AND e.at >= :since AND e.at <= :now
                          AND (CAST(:unit AS bigint) IS NULL OR c.unit_id = :unit)),
                       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.at - (
                                    SELECT max(k.at) FROM review_case_events k
                                    WHERE k.case_id = e.case_id AND k.kind = 'assessed' AND k.id < e.id)))
                        FROM review_case_events e JOIN review_cases c ON c.id = e.case_id
                        WHERE e.kind = 'approved' AND e.at >= :since AND e.at <= :now
                          AND (CAST(:unit AS bigint) IS NULL OR c.unit_id = :unit))"""), since, now, unitId, true)
                .map((rs, c) -> new Duration[] {seconds(rs.getObject(1, Double.class)),
                        seconds(rs.getObject(2, Double.class))}).one();
    }

    private static Duration seconds(Double s) {
        return s == null ? null : Duration.ofMillis(Math.round(s * 1000));
    }

    /** Counts of a {@code day, n} query, one per day of {@code days} (0 where the query has no row). */
    private static long[] perDay(Handle h, List<LocalDate> days, String sql, Instant since, Instant now, Long unitId) {
        boolean perUnit = sql.contains(":unit");
        long[] out = new long[days.size()];
        scoped(h.createQuery(sql), since, now, unitId, perUnit).map((rs, c) -> {
            int i = days.indexOf(rs.getObject("day", LocalDate.class));
            if (i >= 0) {
                out[i] = rs.getLong("n");
            }
            return i;
        }).list();
        return out;
    }

    /** Binds the window; {@code :unit} too when the query is the scope's (null: every unit). */
    private static Query scoped(Query q, Instant since, Instant now, Long unitId, boolean perUnit) {
        q.bind("since", Rows.utc(since)).bind("now", Rows.utc(now));
        return perUnit ? q.bind("unit", unitId) : q;
    }


    private static long sumFrom(long[] perDay, int from) {
        long n = 0;
        for (int i = from; i < perDay.length; i++) {
            n += perDay[i];
        }
        return n;
    }
}
