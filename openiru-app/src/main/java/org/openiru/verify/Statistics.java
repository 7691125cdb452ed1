package org.openiru.verify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Rows;

/**
 * Referral statistics per platform and period. A referral counts in the period in which it was created (UTC),
 * with everything that happened to its items since: removals, answers. Time to removal runs from the
 * referral's receipt by the platform ({@code referrals.received_at}; {@code created_at} when receipt was never
 * stamped) to the removal in {@code referral_item_removals} (first gone check or platform confirmation), and is
 * 0 when the content was gone before receipt.
 */
public final class Statistics {
    /** Periods: calendar weeks (Monday) or months, or the whole range at once. */
    public enum Grouping {
        WEEK("CAST(date_trunc('week', %s AT TIME ZONE 'UTC') AS date)"),
        MONTH("CAST(date_trunc('month', %s AT TIME ZONE 'UTC') AS date)"),
        TOTAL("CAST(NULL AS date)");

        private final String periodSql;

        Grouping(String periodSql) {
            this.periodSql = periodSql;
        }

        /** The SQL of the period a timestamp column falls in (null for the whole range). */
        public String period(String column) {
            return periodSql.replace("%s", column);
        }
    }

    /** Which referrals count: created in [from, to), of one unit (null: all), of one platform (null: all). */
    public record Filter(Instant from, Instant to, Long unitId, Long platformId) {
    }

    /**
     * One platform in one period ({@code period} null for the whole range). Times in seconds; null when nothing
     * was removed. {@code rejections} by {@link #REJECTION_KEYS}. {@code reappearances}: reappeared items found in the period.
     */
    public record Row(long platformId, String platform, LocalDate period, long referrals, long items, long removed,
                      Double removalRate, Double medianSeconds, Double p90Seconds, long orders, long ordersReceived,
                      long ordersWithinHour, Map<String, Long> rejections, long reappearances) {
    }

    /** Reappearances per platform and period: supplied by the reappear feature (its table {@code reappearances}). */
    @FunctionalInterface
    public interface ReappearanceCounts {
        /** Counts keyed by platform id and period start (null period for {@link Grouping#TOTAL}). */
        Map<Map.Entry<Long, LocalDate>, Long> count(Filter filter, Grouping grouping);
    }

    /** "rejected" (referral answers), then the Annex III reason codes of "cannot_execute", "unspecified" without one. */
    public static final List<String> REJECTION_KEYS = List.of("rejected", "force_majeure", "de_facto_impossibility",
            "manifest_error", "insufficient_information", "unspecified");

    /** The referrals of the filter, each with its period. */
    private static final String REFERRALS = """
            WITH r AS (
                SELECT r.id, r.kind, r.platform_id, r.created_at, r.received_at, %s AS period
                FROM referrals r
                WHERE r.created_at >= :from AND r.created_at < :to
                  AND (CAST(:unit AS bigint) IS NULL OR r.unit_id = :unit)
                  AND (CAST(:platform AS bigint) IS NULL OR r.platform_id = :platform))
            """;

    /**
     * Orders answered within their hour: every item's first Annex II action came within an hour of receipt, or of
     * the last restart of the clock (a clarification given, Art. 3(8); reasons of force majeure ceased, Art. 3(7)),
     * and the breach check never recorded a missed deadline (which also catches an item that missed an earlier
     * deadline of its own).
     */
    static final String ORDERS_ANSWERED_WITHIN_ONE_HOUR = """
            SELECT o.platform_id, o.period, count(*) FILTER (WHERE o.in_hour) AS within_hour
            FROM (
                SELECT r.id, r.platform_id, r.period,
                       bool_and(coalesce((SELECT min(a.acted_at) FROM referral_answers a
                                          WHERE a.referral_item_id = ri.id
                                            AND a.answer IN ('removed', 'access_disabled'))
                                         <= greatest(r.received_at,
                                                     (SELECT max(e.at) FROM referral_order_events e
                                                      WHERE e.referral_id = r.id
                                                        AND e.kind IN ('clarification', 'reasons_ceased')))
                                            + interval '1 hour', false))
                       AND NOT EXISTS (SELECT 1 FROM referral_order_events e
                                       WHERE e.referral_id = r.id AND e.kind = 'breached') AS in_hour
                FROM r JOIN referral_items ri ON ri.referral_id = r.id
                WHERE r.kind = 'removal_order' AND r.received_at IS NOT NULL
                GROUP BY r.id, r.platform_id, r.period) o
            GROUP BY o.platform_id, o.period
            """;

    private final Jdbi jdbi;
    private final ReappearanceCounts reappearances;

    public Statistics(Jdbi jdbi, ReappearanceCounts reappearances) {
        this.jdbi = jdbi;
        this.reappearances = reappearances;
    }

    /** Rows ordered by period, then platform name. */
    public List<Row> rows(Filter f, Grouping g) {
        Map<Map.Entry<Long, LocalDate>, Long> reappeared = reappearances.count(f, g);
        return jdbi.withHandle(h -> {
            Map<Map.Entry<Long, LocalDate>, Map<String, Long>> rejections = rejections(h, f, g);
            return bind(h.createQuery(REFERRALS.formatted(g.period("r.created_at")) + """
                    , i AS (
                        SELECT r.platform_id, r.period, rm.removed_at,
                               -- GREATEST skips nulls: an item not removed must stay null, not become 0.
                               CASE WHEN rm.removed_at IS NOT NULL THEN GREATEST(0, extract(epoch FROM
                                   rm.removed_at - coalesce(r.received_at, r.created_at))) END AS secs
                        FROM r JOIN referral_items ri ON ri.referral_id = r.id
                        LEFT JOIN referral_item_removals rm ON rm.referral_item_id = ri.id),
                    items AS (
                        SELECT platform_id, period, count(*) AS items, count(removed_at) AS removed,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) AS median_s,
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY secs) AS p90_s
                        FROM i GROUP BY platform_id, period),
                    refs AS (
                        SELECT platform_id, period, count(*) AS referrals,
                               count(*) FILTER (WHERE kind = 'removal_order') AS orders,
                               count(*) FILTER (WHERE kind = 'removal_order' AND received_at IS NOT NULL)
                                   AS orders_received
                        FROM r GROUP BY platform_id, period),
                    orders AS (""" + ORDERS_ANSWERED_WITHIN_ONE_HOUR + """
                    )
                    SELECT refs.platform_id, p.name, refs.period, refs.referrals, coalesce(items.items, 0) AS items,
                           coalesce(items.removed, 0) AS removed, items.median_s, items.p90_s, refs.orders,
                           refs.orders_received, coalesce(orders.within_hour, 0) AS within_hour
                    FROM refs JOIN platforms p ON p.id = refs.platform_id
                    LEFT JOIN items ON items.platform_id = refs.platform_id
                        AND items.period IS NOT DISTINCT FROM refs.period
                    LEFT JOIN orders ON orders.platform_id = refs.platform_id
                        AND orders.period IS NOT DISTINCT FROM refs.period
                    ORDER BY refs.period, p.name, refs.platform_id"""), f)
                    .map((rs, ctx) -> row(rs, rejections, reappeared)).list();
        });
    }

    private static Map<Map.Entry<Long, LocalDate>, Map<String, Long>> rejections(Handle h, Filter f, Grouping g) {
        Map<Map.Entry<Long, LocalDate>, Map<String, Long>> out = new HashMap<>();
        bind(h.createQuery(REFERRALS.formatted(g.period("r.created_at")) + """
                SELECT r.platform_id, r.period,
                       CASE WHEN a.answer = 'rejected' THEN 'rejected'
                            WHEN a.reason_code = '' THEN 'unspecified' ELSE a.reason_code END AS key,
                       count(DISTINCT a.referral_item_id) AS n
                FROM r JOIN referral_items ri ON ri.referral_id = r.id
                JOIN referral_answers a ON a.referral_item_id = ri.id AND a.answer IN ('rejected', 'cannot_execute')
                GROUP BY 1, 2, 3"""), f)
                .map((rs, ctx) -> {
                    out.computeIfAbsent(key(rs), k -> new HashMap<>()).put(rs.getString("key"), rs.getLong("n"));
                    return null;
                }).list();
        return out;
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T q, Filter f) {
        return q.bind("from", Rows.utc(f.from())).bind("to", Rows.utc(f.to())).bind("unit", f.unitId())
                .bind("platform", f.platformId());
    }

    /** The key of a platform's period (null period: the whole range); shared with the reappearance counts. */
    public static Map.Entry<Long, LocalDate> key(ResultSet rs) throws SQLException {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(rs.getLong("platform_id"),
                rs.getObject("period", LocalDate.class));
    }

    private static Row row(ResultSet rs, Map<Map.Entry<Long, LocalDate>, Map<String, Long>> rejections,
                           Map<Map.Entry<Long, LocalDate>, Long> reappeared) throws SQLException {
        Map.Entry<Long, LocalDate> k = key(rs);
        Map<String, Long> rej = new LinkedHashMap<>();
        Map<String, Long> found = rejections.getOrDefault(k, Map.of());
        REJECTION_KEYS.forEach(r -> rej.put(r, found.getOrDefault(r, 0L)));
        long items = rs.getLong("items");
        long removed = rs.getLong("removed");
        return new Row(k.getKey(), rs.getString("name"), k.getValue(), rs.getLong("referrals"), items, removed,
                items == 0 ? null : (double) removed / items, (Double) rs.getObject("median_s", Double.class),
                rs.getObject("p90_s", Double.class), rs.getLong("orders"), rs.getLong("orders_received"),
                rs.getLong("within_hour"), rej, reappeared.getOrDefault(k, 0L));
    }
}
