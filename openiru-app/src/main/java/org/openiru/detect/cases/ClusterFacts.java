package org.openiru.detect.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.openiru.detect.routing.ItemFacts;
import org.openiru.store.Rows;

/**
 * What clustering reads about a batch of items, set-wise (a handful of queries for the batch): the current text,
 * the files with their PDQ, the score, the sources, the case the item is already in, and its clustering so far.
 */
final class ClusterFacts {
    private ClusterFacts() {
    }

    /** One item: routing's facts plus what clustering needs. */
    record Item(ItemFacts facts, int version, String text, List<String> sha256s, List<String> pdqs, Long caseId,
                Prior prior) {
    }

    /** The item's clustering row as stored. */
    record Prior(int version, ContentIndex.Keys keys, String outcome, Long caseId) {
        boolean hasCase() {
            return caseId != null;
        }
    }

    static List<Item> load(Handle h, Long[] ids) {
        record Base(long id, int version, String text, Long platformId, String platform, int priority, String band,
                    String label, String language) {
        }
        List<Base> bases = h.createQuery("""
                        SELECT i.id, i.current_version, v.text, i.platform_id, p.name, COALESCE(s.priority, 0), s.band,
                               s.label, COALESCE(s.language, i.language)
                        FROM items i JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
                        LEFT JOIN platforms p ON p.id = i.platform_id LEFT JOIN item_scores s ON s.item_id = i.id
                        WHERE i.id = ANY(?) ORDER BY i.id""").bind(0, ids)
                .map((rs, c) -> new Base(rs.getLong(1), rs.getInt(2), rs.getString(3), (Long) rs.getObject(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9))).list();
        Map<Long, List<String>> reasons = strings(h, """
                SELECT item_id, code FROM item_score_reasons WHERE item_id = ANY(?) ORDER BY item_id, position""", ids);
        Map<Long, List<String>> shas = strings(h, """
                SELECT DISTINCT item_id, blob_sha256 FROM item_blobs
                WHERE item_id = ANY(?) AND blob_sha256 IS NOT NULL ORDER BY 1, 2""", ids);
        Map<Long, List<String>> media = strings(h, """
                SELECT DISTINCT ib.item_id, b.media_type FROM item_blobs ib JOIN blobs b ON b.sha256 = ib.blob_sha256
                WHERE ib.item_id = ANY(?) ORDER BY 1, 2""", ids);
        Map<Long, List<String>> pdqs = strings(h, """
                SELECT DISTINCT ib.item_id, cs.value FROM item_blobs ib
                JOIN content_signals cs ON cs.content_ref = ib.blob_sha256 AND cs.signal_type = 'pdq'
                WHERE ib.item_id = ANY(?) ORDER BY 1, 2""", ids);
        Map<Long, List<String>> kinds = strings(h, """
                SELECT DISTINCT v.item_id, s.kind FROM item_versions v JOIN sources s ON s.id = v.source_id
                WHERE v.item_id = ANY(?) ORDER BY 1, 2""", ids);
        Map<Long, Long> inCase = new HashMap<>();
        h.createQuery("""
                        SELECT item_id, max(case_id) FROM review_case_items WHERE item_id = ANY(?) GROUP BY item_id""")
                .bind(0, ids).map((rs, c) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> inCase.put(e.getKey(), e.getValue()));
        Map<Long, Prior> priors = new HashMap<>();
        h.createQuery("""
                        SELECT item_id, item_version, sha256s, pdqs, simhash, outcome, case_id FROM detect_cluster_items
                        WHERE item_id = ANY(?)""").bind(0, ids)
                .map((rs, c) -> Map.entry(rs.getLong(1), new Prior(rs.getInt(2), new ContentIndex.Keys(
                        Rows.strings(rs, 3), Rows.strings(rs, 4), (Long) rs.getObject(5)),
                        rs.getString(6), (Long) rs.getObject(7))))
                .forEach(e -> priors.put(e.getKey(), e.getValue()));
        List<Item> out = new ArrayList<>(bases.size());
        for (Base b : bases) {
            ItemFacts f = new ItemFacts(b.id(), reasons.getOrDefault(b.id(), List.of()), b.priority(), b.band(),
                    b.label(), b.platformId(), b.platform(), b.language(), media.getOrDefault(b.id(), List.of()),
                    kinds.getOrDefault(b.id(), List.of()));
            out.add(new Item(f, b.version(), b.text(), shas.getOrDefault(b.id(), List.of()),
                    pdqs.getOrDefault(b.id(), List.of()), inCase.get(b.id()), priors.get(b.id())));
        }
        return out;
    }

    /** (item id, text) rows grouped by item, in row order. */
    private static Map<Long, List<String>> strings(Handle h, String sql, Long[] ids) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        h.createQuery(sql).bind(0, ids).map((rs, c) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }
}
