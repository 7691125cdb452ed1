package org.openiru.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What an action day's scope holds that is not yet referred, per platform of the day: the items of the
 * participating units' cases whose latest terrorist assessment names a scope entity, of the cases in the scope
 * queues, the items the saved searches find, and the items of the target actors. An item already referred (or
 * ordered) to its platform is left out. Each item counts where its case stands: approved (ready to refer), in
 * review (new, assessed, escalated), or in no case yet (unassessed); an item only in closed, referred or
 * not-actionable cases is done and left out.
 */
public final class ActionDayPlan {
    private final Jdbi jdbi;
    private final SavedSearches searches;

    ActionDayPlan(Jdbi jdbi, SavedSearches searches) {
        this.jdbi = jdbi;
        this.searches = searches;
    }

    /** What one part of the scope holds on one platform; {@code source} is entity, queue, search or target. */
    public record Line(String source, String key, String label, long platformId, long ready, long inReview,
                       long unassessed) {
        public long total() {
            return ready + inReview + unassessed;
        }
    }

    /** The lines per part of the scope, and per platform over the whole scope (an item counted once). */
    public record Plan(List<Line> lines, List<Line> perPlatform) {
    }

    private static final String SQL = """
            WITH scope AS (
                SELECT 'entity' AS source, e.entity AS key, ci.item_id, c.state
                FROM review_cases c
                JOIN LATERAL (SELECT a.entity FROM review_assessments a WHERE a.case_id = c.id
                              AND a.outcome = 'terrorist' ORDER BY a.id DESC LIMIT 1) e ON true
                JOIN review_case_items ci ON ci.case_id = c.id
                WHERE c.unit_id = ANY(:units) AND e.entity = ANY(:entities)
                  AND c.state IN ('new', 'assessed', 'escalated', 'approved')
                UNION ALL
                SELECT 'queue', CAST(c.queue_id AS text), ci.item_id, c.state
                FROM review_cases c JOIN review_case_items ci ON ci.case_id = c.id
                WHERE c.unit_id = ANY(:units) AND c.queue_id = ANY(:queues)
                  AND c.state IN ('new', 'assessed', 'escalated', 'approved')
                UNION ALL
                SELECT x.source, x.key, x.item_id, st.state
                FROM (SELECT 'search' AS source, CAST(s.search AS text) AS key, s.item_id
                      FROM unnest(CAST(:searchIds AS bigint[]), CAST(:searchItems AS bigint[])) s (search, item_id)
                      UNION ALL
                      SELECT 'target', '', i.id FROM items i WHERE i.actor_id = ANY(:targets)) x
                LEFT JOIN LATERAL (
                    -- the furthest an open case of a participating unit has come with the item; 'done' when it is
                    -- only in cases that are finished
                    SELECT CASE WHEN bool_or(c.state = 'approved') THEN 'approved'
                                WHEN bool_or(c.state IN ('new', 'assessed', 'escalated')) THEN 'new'
                                ELSE 'done' END AS state
                    FROM review_case_items ci JOIN review_cases c ON c.id = ci.case_id
                    WHERE ci.item_id = x.item_id AND c.unit_id = ANY(:units)
                    HAVING count(*) > 0
                ) st ON true
            )
            SELECT s.source, s.key, i.platform_id,
                   count(DISTINCT s.item_id) FILTER (WHERE s.state = 'approved') AS ready,
                   count(DISTINCT s.item_id) FILTER (WHERE s.state IN ('new', 'assessed', 'escalated')) AS in_review,
                   count(DISTINCT s.item_id) FILTER (WHERE s.state IS NULL) AS unassessed,
                   GROUPING(s.source) AS whole
            FROM scope s JOIN items i ON i.id = s.item_id
            WHERE i.platform_id = ANY(:platforms) AND (s.state IS NULL OR s.state <> 'done')
              AND NOT EXISTS (SELECT 1 FROM referral_items ri WHERE ri.item_id = s.item_id
                              AND ri.platform_id = i.platform_id)
            GROUP BY GROUPING SETS ((s.source, s.key, i.platform_id), (i.platform_id))
            ORDER BY whole, s.source, s.key, i.platform_id""";

    public Plan plan(ActionDay d, List<Long> targets) {
        List<Long> searchIds = new ArrayList<>();
        List<Long> searchItems = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        for (long id : d.savedSearchIds()) {
            searches.find(id).ifPresent(s -> {
                labels.put("search:" + id, s.name());
                for (long item : searches.itemIds(s)) {
                    searchIds.add(id);
                    searchItems.add(item);
                }
            });
        }
        return jdbi.withHandle(h -> {
            h.createQuery("SELECT id, name FROM review_queues WHERE id = ANY(?)")
                    .bind(0, d.queueIds().toArray(new Long[0]))
                    .map((rs, c) -> labels.put("queue:" + rs.getLong(1), rs.getString(2))).list();
            List<Line> lines = new ArrayList<>();
            List<Line> perPlatform = new ArrayList<>();
            h.createQuery(SQL)
                    .bind("units", d.unitIds().toArray(new Long[0]))
                    .bind("entities", d.entities().toArray(new String[0]))
                    .bind("queues", d.queueIds().toArray(new Long[0]))
                    .bind("searchIds", searchIds.toArray(new Long[0]))
                    .bind("searchItems", searchItems.toArray(new Long[0]))
                    .bind("targets", targets.toArray(new Long[0]))
                    .bind("platforms", d.platformIds().toArray(new Long[0]))
                    .map((rs, c) -> {
                        boolean whole = rs.getInt("whole") == 1;
                        String source = whole ? "all" : rs.getString(1);
                        String key = whole ? "" : rs.getString(2);
                        String label = "entity".equals(source) ? key : labels.getOrDefault(source + ":" + key, key);
                        Line l = new Line(source, key, label, rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6));
                        return (whole ? perPlatform : lines).add(l);
                    }).list();
            return new Plan(lines, perPlatform);
        });
    }
}
