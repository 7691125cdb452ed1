package org.openiru.verify.reappear;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.openiru.app.Json;
import org.openiru.store.Rows;
import org.openiru.verify.Statistics;

/** What the pages, the API and the statistics read about reappearances. */
public final class Reappearances {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final String ROWS = """
            SELECT x.id, x.item_id, i.canonical_url, p.name AS platform, x.removed_case_id, x.removed_item_id, x.how,
                   CAST(x.detail AS text) AS detail, x.entity, x.unit_id, x.case_id, x.found_at
            FROM reappearances x JOIN items i ON i.id = x.item_id LEFT JOIN platforms p ON p.id = x.platform_id
            """;
    /** The filter every count shares: found in [from, to), for one unit's removed cases (null: all units). */
    private static final String WINDOW = """
            WHERE (CAST(:from AS timestamptz) IS NULL OR x.found_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR x.found_at < :to)
              AND (CAST(:unit AS bigint) IS NULL OR x.unit_id = :unit)
            """;
    private final Jdbi jdbi;

    public Reappearances(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One reappearance. {@code how}: blob, pdq, text or actor; {@code detail} the explanation's values (sha256,
     * removedSha256 and distance; distance and words; handle, removedHandle and same).
     */
    public record Row(long id, long itemId, String url, String platform, long removedCaseId, long removedItemId,
                      String how, Map<String, Object> detail, String entity, long unitId, Long caseId,
                      Instant foundAt) {
        public String text(String key) {
            Object v = detail.get(key);
            return v == null ? "" : String.valueOf(v);
        }
    }

    /** A count of reappeared items (each item once, however many ways it matched) and of removed cases. */
    public record Count(String key, long items, long removedCases) {
    }

    /** Newest first. */
    public List<Row> list(Instant from, Instant to, Long unit, int limit) {
        return jdbi.withHandle(h -> h.createQuery(ROWS + WINDOW + " ORDER BY x.found_at DESC, x.id DESC LIMIT :limit")
                .bind("from", Rows.utc(from)).bind("to", Rows.utc(to)).bind("unit", unit).bind("limit", limit)
                .map(Reappearances::row).list());
    }

    /** The reappearances put into a case of the reappeared queue, and those of content that a case removed. */
    public List<Row> ofCase(long caseId) {
        return jdbi.withHandle(h -> h.createQuery(ROWS + " WHERE x.case_id = :c OR x.removed_case_id = :c ORDER BY x.id")
                .bind("c", caseId).map(Reappearances::row).list());
    }

    /** Per platform where the content reappeared: the statistics page shows these totals. */
    public List<Count> countsByPlatform(Instant from, Instant to, Long unit) {
        return counts("COALESCE(p.name, '')", from, to, unit);
    }

    /**
     * For the statistics page: reappeared items (each once) per platform where they reappeared and per week or
     * month of finding, within the page's filter.
     */
    public Map<Map.Entry<Long, LocalDate>, Long> countsForStatistics(Statistics.Filter f, Statistics.Grouping g) {
        return jdbi.withHandle(h -> h.createQuery("SELECT x.platform_id, " + g.period("x.found_at") + """
                         AS period, count(DISTINCT x.item_id) AS n
                        FROM reappearances x
                        """ + WINDOW + """
                          AND x.platform_id IS NOT NULL
                          AND (CAST(:platform AS bigint) IS NULL OR x.platform_id = :platform)
                        GROUP BY 1, 2""")
                .bind("from", Rows.utc(f.from())).bind("to", Rows.utc(f.to())).bind("unit", f.unitId())
                .bind("platform", f.platformId())
                .reduceResultSet(new HashMap<>(), (m, rs, c) -> {
                    m.put(Statistics.key(rs), rs.getLong("n"));
                    return m;
                }));
    }

    /** Per entity of the removed case's referral. */
    public List<Count> countsByEntity(Instant from, Instant to, Long unit) {
        return counts("x.entity", from, to, unit);
    }

    /** Per ISO week (its Monday, yyyy-mm-dd, UTC) of finding. */
    public List<Count> countsByWeek(Instant from, Instant to, Long unit) {
        return counts("to_char(date_trunc('week', x.found_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')", from, to, unit);
    }

    private List<Count> counts(String key, Instant from, Instant to, Long unit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + key + """
                         AS k, count(DISTINCT x.item_id), count(DISTINCT x.removed_case_id)
                        FROM reappearances x LEFT JOIN platforms p ON p.id = x.platform_id
                        """ + WINDOW + " GROUP BY 1 ORDER BY 2 DESC, 1")
                .bind("from", Rows.utc(from)).bind("to", Rows.utc(to)).bind("unit", unit)
                .map((rs, c) -> new Count(rs.getString(1), rs.getLong(2), rs.getLong(3))).list());
    }

    private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws SQLException {
        Map<String, Object> detail = detail(rs.getString("detail"));
        return new Row(rs.getLong("id"), rs.getLong("item_id"), rs.getString("canonical_url"), rs.getString("platform"),
                rs.getLong("removed_case_id"), rs.getLong("removed_item_id"), rs.getString("how"), detail,
                rs.getString("entity"), rs.getLong("unit_id"), (Long) rs.getObject("case_id"),
                rs.getObject("found_at", OffsetDateTime.class).toInstant());
    }

    /** A stored detail (jsonb, so always an object). */
    static Map<String, Object> detail(String json) {
        try {
            return Json.MAPPER.readValue(json, MAP);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A reappearance detail is not a JSON object: " + json, e);
        }
    }

}
