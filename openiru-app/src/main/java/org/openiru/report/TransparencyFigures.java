package org.openiru.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The numbers of the transparency reports of one unit for a period, read from the tables of the referral and review
 * features. Every statement is in docs/reports.md ("Transparency reports"); a period is [from, to] in whole UTC
 * days, and a referral or order counts in the period in which it was created, with what happened to it since.
 */
public final class TransparencyFigures {
    /** The Annex III reason codes (Art. 3(7), 3(8)), then "unspecified" for a "cannot execute" without one. */
    public static final List<String> ANNEX_III = List.of("force_majeure", "de_facto_impossibility", "manifest_error",
            "insufficient_information", "unspecified");

    /** The removal orders of the unit created in the period (TCO Art. 3). */
    static final String ORDERS = """
            WITH o AS (
                SELECT r.id, ro.issuing_state, ro.host_state
                FROM referrals r JOIN referral_orders ro ON ro.referral_id = r.id
                WHERE r.kind = 'removal_order' AND r.unit_id = :unit
                  AND r.created_at >= :from AND r.created_at < :to),
            i AS (
                SELECT ri.referral_id,
                       EXISTS (SELECT 1 FROM referral_answers a WHERE a.referral_item_id = ri.id
                               AND a.answer IN ('removed', 'access_disabled')) AS executed,
                       EXISTS (SELECT 1 FROM referral_answers a WHERE a.referral_item_id = ri.id
                               AND a.answer = 'cannot_execute') AS refused
                FROM o JOIN referral_items ri ON ri.referral_id = o.id)
            SELECT (SELECT count(*) FROM o) AS orders,
                   (SELECT count(*) FROM o WHERE o.host_state <> '' AND o.host_state <> o.issuing_state) AS cross_border,
                   (SELECT count(*) FROM o WHERE NOT EXISTS (SELECT 1 FROM i WHERE i.referral_id = o.id
                                                             AND NOT i.executed)) AS orders_executed,
                   count(*) AS items,
                   count(*) FILTER (WHERE i.executed) AS items_executed,
                   count(*) FILTER (WHERE NOT i.executed AND i.refused) AS items_not_executed
            FROM i""";

    /**
     * Items of those orders not executed (no Annex II answer) with an Annex III answer, by the reason code of the
     * latest one.
     */
    static final String NOT_EXECUTED_REASONS = """
            SELECT CASE WHEN last.reason_code = '' THEN 'unspecified' ELSE last.reason_code END AS reason,
                   count(*) AS n
            FROM referrals r
            JOIN referral_items ri ON ri.referral_id = r.id
            JOIN LATERAL (SELECT a.reason_code FROM referral_answers a
                          WHERE a.referral_item_id = ri.id AND a.answer = 'cannot_execute'
                          ORDER BY a.recorded_at DESC, a.id DESC LIMIT 1) last ON true
            WHERE r.kind = 'removal_order' AND r.unit_id = :unit AND r.created_at >= :from AND r.created_at < :to
              AND NOT EXISTS (SELECT 1 FROM referral_answers a WHERE a.referral_item_id = ri.id
                              AND a.answer IN ('removed', 'access_disabled'))
            GROUP BY 1""";

    /** Per month: items whose case was assessed in the month (each item once per month). */
    static final String ASSESSED_PER_MONTH = """
            SELECT CAST(date_trunc('month', a.created_at AT TIME ZONE 'UTC') AS date) AS month,
                   count(DISTINCT rci.item_id) AS n
            FROM review_assessments a
            JOIN review_cases c ON c.id = a.case_id
            JOIN review_case_items rci ON rci.case_id = a.case_id
            WHERE c.unit_id = :unit AND a.created_at >= :from AND a.created_at < :to
            GROUP BY 1""";

    /**
     * Per month: referrals and removal orders made, the items in them, the platforms they went to, and how many of
     * those items have come down since ({@code referral_item_removals}: a platform's confirmation or a check that
     * saw the item gone).
     */
    static final String REFERRED_PER_MONTH = """
            SELECT CAST(date_trunc('month', r.created_at AT TIME ZONE 'UTC') AS date) AS month,
                   count(DISTINCT r.id) FILTER (WHERE r.kind = 'referral') AS referrals,
                   count(DISTINCT r.id) FILTER (WHERE r.kind = 'removal_order') AS orders,
                   count(ri.id) AS items, count(rm.referral_item_id) AS removed,
                   count(DISTINCT r.platform_id) AS platforms
            FROM referrals r
            JOIN referral_items ri ON ri.referral_id = r.id
            LEFT JOIN referral_item_removals rm ON rm.referral_item_id = ri.id
            WHERE r.unit_id = :unit AND r.created_at >= :from AND r.created_at < :to
            GROUP BY 1""";

    /** The whole period: the same as {@link #REFERRED_PER_MONTH} per platform. */
    static final String REFERRED_PER_PLATFORM = """
            SELECT p.name AS key, count(ri.id) AS items, count(rm.referral_item_id) AS removed
            FROM referrals r
            JOIN platforms p ON p.id = r.platform_id
            JOIN referral_items ri ON ri.referral_id = r.id
            LEFT JOIN referral_item_removals rm ON rm.referral_item_id = ri.id
            WHERE r.unit_id = :unit AND r.created_at >= :from AND r.created_at < :to
            GROUP BY p.name ORDER BY count(ri.id) DESC, p.name""";

    /** The whole period: items assessed per language of the item ('' when none was detected). */
    static final String ASSESSED_PER_LANGUAGE = """
            SELECT coalesce(i.language, '') AS key, count(DISTINCT i.id) AS items
            FROM review_assessments a
            JOIN review_cases c ON c.id = a.case_id
            JOIN review_case_items rci ON rci.case_id = a.case_id
            JOIN items i ON i.id = rci.item_id
            WHERE c.unit_id = :unit AND a.created_at >= :from AND a.created_at < :to
            GROUP BY 1 ORDER BY 2 DESC, 1""";

    /** The whole period: items assessed as terrorist content, per entity of the assessment. */
    static final String TERRORIST_PER_ENTITY = """
            SELECT a.entity AS key, count(DISTINCT rci.item_id) AS items
            FROM review_assessments a
            JOIN review_cases c ON c.id = a.case_id
            JOIN review_case_items rci ON rci.case_id = a.case_id
            WHERE c.unit_id = :unit AND a.outcome = 'terrorist' AND a.created_at >= :from AND a.created_at < :to
            GROUP BY 1 ORDER BY 2 DESC, 1""";

    /** Items assessed in the whole period, each once. */
    static final String ASSESSED_TOTAL = """
            SELECT count(DISTINCT rci.item_id)
            FROM review_assessments a
            JOIN review_cases c ON c.id = a.case_id
            JOIN review_case_items rci ON rci.case_id = a.case_id
            WHERE c.unit_id = :unit AND a.created_at >= :from AND a.created_at < :to""";

    private final Jdbi jdbi;

    TransparencyFigures(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A unit and a period of whole UTC days, {@code to} included. */
    public record Period(long unitId, String unitName, LocalDate from, LocalDate to) {
    }

    /**
     * What the data says for TCO Art. 8(1)(a): orders issued, of them subject to Art. 4(1) (a host state other than
     * the issuing state), orders with every item executed (Annex II); items executed, and items not executed with
     * an Annex III answer by reason.
     */
    public record Tco(long orders, long crossBorder, long ordersExecuted, long items, long itemsExecuted,
                      long itemsNotExecuted, Map<String, Long> notExecutedReasons) {
    }

    /** One month of the yearly report. */
    public record Month(LocalDate month, long itemsAssessed, long referrals, long orders, long itemsReferred,
                        long itemsRemoved, long platforms) {
        public Double removalRate() {
            return itemsReferred == 0 ? null : (double) itemsRemoved / itemsReferred;
        }
    }

    /** A breakdown line: its key (a platform, a language code, an entity), items, and removed where it applies. */
    public record Line(String key, long items, Long removed) {
    }

    /** The yearly report: twelve months (or the months of the period), and breakdowns over the whole period. */
    public record Yearly(List<Month> months, long itemsAssessed, List<Line> platforms, List<Line> languages,
                         List<Line> entities) {
    }

    public Tco tco(Period p) {
        return jdbi.withHandle(h -> {
            Map<String, Long> reasons = new LinkedHashMap<>();
            ANNEX_III.forEach(r -> reasons.put(r, 0L));
            bind(h.createQuery(NOT_EXECUTED_REASONS), p)
                    .map((rs, c) -> reasons.put(rs.getString("reason"), rs.getLong("n"))).list();
            return bind(h.createQuery(ORDERS), p).map((rs, c) -> new Tco(rs.getLong("orders"),
                    rs.getLong("cross_border"), rs.getLong("orders_executed"), rs.getLong("items"),
                    rs.getLong("items_executed"), rs.getLong("items_not_executed"), reasons)).one();
        });
    }

    public Yearly yearly(Period p) {
        return jdbi.withHandle(h -> {
            Map<LocalDate, Long> assessed = new LinkedHashMap<>();
            bind(h.createQuery(ASSESSED_PER_MONTH), p)
                    .map((rs, c) -> assessed.put(rs.getObject("month", LocalDate.class), rs.getLong("n"))).list();
            Map<LocalDate, Month> referred = new LinkedHashMap<>();
            bind(h.createQuery(REFERRED_PER_MONTH), p).map((rs, c) -> {
                LocalDate m = rs.getObject("month", LocalDate.class);
                return referred.put(m, new Month(m, 0, rs.getLong("referrals"), rs.getLong("orders"),
                        rs.getLong("items"), rs.getLong("removed"), rs.getLong("platforms")));
            }).list();
            List<Month> months = new java.util.ArrayList<>();
            for (LocalDate m = p.from().withDayOfMonth(1); !m.isAfter(p.to()); m = m.plusMonths(1)) {
                Month r = referred.getOrDefault(m, new Month(m, 0, 0, 0, 0, 0, 0));
                months.add(new Month(m, assessed.getOrDefault(m, 0L), r.referrals(), r.orders(), r.itemsReferred(),
                        r.itemsRemoved(), r.platforms()));
            }
            long total = bind(h.createQuery(ASSESSED_TOTAL), p).mapTo(Long.class).one();
            return new Yearly(months, total,
                    lines(h, REFERRED_PER_PLATFORM, p, true), lines(h, ASSESSED_PER_LANGUAGE, p, false),
                    lines(h, TERRORIST_PER_ENTITY, p, false));
        });
    }

    private static List<Line> lines(Handle h, String sql, Period p, boolean removed) {
        return bind(h.createQuery(sql), p).map((rs, c) -> new Line(rs.getString("key"), rs.getLong("items"),
                removed ? rs.getLong("removed") : null)).list();
    }

    private static Query bind(Query q, Period p) {
        return q.bind("unit", p.unitId())
                .bind("from", p.from().atStartOfDay().atOffset(ZoneOffset.UTC))
                .bind("to", p.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }
}
