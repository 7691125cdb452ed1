package org.openiru.verify.reappear;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.detect.cases.TextPrint;
import org.openiru.review.Cases;
import org.openiru.store.Rows;

/**
 * Checks a set of items against everything known to be removed, the four ways at once, set-wise, and turns
 * each new match into a reappearance: a row keyed (item, removed case, how), the item put into the removed
 * case's open case of the {@value #QUEUE} queue (or a new one at priority 100), and an audit event. All in one
 * transaction, so a crash leaves nothing half done and a second run finds every match already recorded.
 *
 * <p>Every way asks the same of an item: it was first seen (collected) after the removal, and it is not an item
 * of the removed case itself. Items collected before the removal are copies that were already known; they are
 * the review desk's conflicts, not reappearances.
 */
public final class ReappearCheck {
    public static final String QUEUE = "reappeared";
    public static final int PRIORITY = 100;
    /** Advisory-lock namespace: one transaction at a time opens the reappeared case of a removed case. */
    private static final int LOCK = 0x52415050;

    private static final String INSERT = """
            INSERT INTO reappearances (item_id, removed_case_id, removed_item_id, how, detail, platform_id, entity,
                unit_id, found_at)
            """;
    private static final String ELIGIBLE = " " + """
            i.collected_at > r.removed_at
            AND NOT EXISTS (SELECT 1 FROM review_case_items m WHERE m.case_id = r.case_id AND m.item_id = i.id)
            """;
    private static final String TAIL = """
            ON CONFLICT (item_id, removed_case_id, how) DO NOTHING RETURNING id""";

    private static final String BLOB = INSERT + """
            SELECT DISTINCT ON (i.id, r.case_id) i.id, r.case_id, r.item_id, 'blob',
                   jsonb_build_object('sha256', nb.blob_sha256), i.platform_id, r.entity, r.unit_id, :now
            FROM items i
            JOIN item_blobs nb ON nb.item_id = i.id AND nb.blob_sha256 IS NOT NULL
            JOIN item_blobs rb ON rb.blob_sha256 = nb.blob_sha256 AND rb.item_id <> i.id
            JOIN reappear_removed r ON r.item_id = rb.item_id
            WHERE i.id = ANY(:items) AND """ + ELIGIBLE + """
            ORDER BY i.id, r.case_id, r.item_id
            """ + TAIL;

    /** Hits of the item's files on REMOVED_CONTENT entries; the same file is the blob way's. */
    private static final String PDQ = INSERT + """
            SELECT DISTINCT ON (i.id, r.case_id) i.id, r.case_id, r.item_id, 'pdq',
                   jsonb_build_object('sha256', nb.blob_sha256, 'removedSha256', e.blob_sha256, 'distance', t.distance),
                   i.platform_id, r.entity, r.unit_id, :now
            FROM items i
            JOIN item_blobs nb ON nb.item_id = i.id AND nb.blob_sha256 IS NOT NULL
            JOIN hits t ON t.content_ref = nb.blob_sha256 AND NOT t.cancelled_by_negative
            JOIN reappear_bank_entries e ON e.entry_id = t.entry_id AND e.blob_sha256 <> nb.blob_sha256
            JOIN reappear_removed r ON r.case_id = e.case_id AND r.item_id = e.item_id
            WHERE i.id = ANY(:items) AND """ + ELIGIBLE + """
            ORDER BY i.id, r.case_id, t.distance, r.item_id
            """ + TAIL;

    /**
     * A new account on the same platform, made after the removal, whose handle is the removed item's actor's
     * handle, or shares its base of five or more characters (reappear_handle_base in the migration).
     */
    private static final String ACTOR = INSERT + """
            SELECT DISTINCT ON (i.id, r.case_id) i.id, r.case_id, r.item_id, 'actor',
                   jsonb_build_object('handle', reappear_handle(a.handle), 'removedHandle', r.handle,
                                      'same', reappear_handle(a.handle) = r.handle),
                   i.platform_id, r.entity, r.unit_id, :now
            FROM items i
            JOIN actors a ON a.id = i.actor_id AND a.handle IS NOT NULL AND a.platform_id IS NOT NULL
            JOIN reappear_removed r ON r.platform_id = a.platform_id AND r.handle IS NOT NULL
                 AND r.actor_id IS DISTINCT FROM a.id AND a.created_at > r.removed_at
                 AND (reappear_handle(a.handle) = r.handle
                      OR (reappear_handle_base(a.handle) = reappear_handle_base(r.handle)
                          AND length(reappear_handle_base(r.handle)) >= 5
                          AND reappear_handle_base(r.handle) ~ '[[:alpha:]]'))
            WHERE i.id = ANY(:items) AND """ + ELIGIBLE + """
            ORDER BY i.id, r.case_id, reappear_handle(a.handle) = r.handle DESC, r.item_id
            """ + TAIL;

    private static final String TEXT = INSERT + """
            SELECT i.id, r.case_id, r.item_id, 'text', jsonb_build_object('distance', t.distance, 'words', t.words),
                   i.platform_id, r.entity, r.unit_id, :now
            FROM unnest(CAST(:tItems AS bigint[]), CAST(:tCases AS bigint[]), CAST(:tRemoved AS bigint[]),
                        CAST(:tDistances AS integer[]), CAST(:tWords AS integer[]))
                 AS t(item_id, case_id, removed_item_id, distance, words)
            JOIN items i ON i.id = t.item_id
            JOIN reappear_removed r ON r.case_id = t.case_id AND r.item_id = t.removed_item_id
            WHERE """ + ELIGIBLE + TAIL;

    private final Jdbi jdbi;
    private final Cases cases;
    private final AuditLog audit;
    private final Clock clock;

    public ReappearCheck(Jdbi jdbi, Cases cases, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks the items; returns the ids of the reappearances it found (none twice). */
    public List<Long> check(List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        Long[] items = itemIds.toArray(Long[]::new);
        TextMatches text = textMatches(items);
        return jdbi.inTransaction(h -> {
            var now = Rows.utc(clock.instant());
            List<Long> found = new ArrayList<>();
            for (String sql : List.of(BLOB, PDQ, ACTOR)) {
                found.addAll(h.createQuery(sql).bind("items", items).bind("now", now).mapTo(Long.class).list());
            }
            if (!text.items.isEmpty()) {
                found.addAll(h.createQuery(TEXT).bind("now", now)
                        .bind("tItems", text.items.toArray(Long[]::new)).bind("tCases", text.cases.toArray(Long[]::new))
                        .bind("tRemoved", text.removed.toArray(Long[]::new))
                        .bind("tDistances", text.distances.toArray(Integer[]::new))
                        .bind("tWords", text.words.toArray(Integer[]::new)).mapTo(Long.class).list());
            }
            if (!found.isEmpty()) {
                route(h, found);
            }
            return found;
        });
    }

    /** Candidate text matches, as parallel arrays for unnest; the SQL applies the rules every way shares. */
    private record TextMatches(List<Long> items, List<Long> cases, List<Long> removed, List<Integer> distances,
                               List<Integer> words) {
    }

    private record RemovedPrint(long caseId, long itemId, TextPrint print) {
    }

    private TextMatches textMatches(Long[] items) {
        TextMatches out = new TextMatches(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        List<RemovedPrint> removed = jdbi.withHandle(h -> h.createQuery("""
                        SELECT case_id, item_id, text_simhash, text_words FROM reappear_removed
                        WHERE text_simhash IS NOT NULL AND text_words >= ?""").bind(0, TextPrint.MIN_WORDS)
                .map((rs, c) -> new RemovedPrint(rs.getLong(1), rs.getLong(2),
                        new TextPrint(rs.getLong(3), rs.getInt(4)))).list());
        if (removed.isEmpty()) {
            return out;
        }
        Map<Long, String> texts = jdbi.withHandle(h -> {
            Map<Long, String> m = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT i.id, v.text FROM items i
                            JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
                            WHERE i.id = ANY(?) ORDER BY i.id""").bind(0, items)
                    .map((rs, c) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e -> m.put(e.getKey(),
                            e.getValue()));
            return m;
        });
        texts.forEach((item, body) -> {
            TextPrint print = TextPrint.of(body);
            if (!print.comparable()) {
                return;
            }
            Map<Long, RemovedPrint> nearestPerCase = new HashMap<>();
            Map<Long, Integer> distance = new HashMap<>();
            for (RemovedPrint r : removed) {
                int d = print.distanceTo(r.print());
                if (d >= 0 && d < distance.getOrDefault(r.caseId(), Integer.MAX_VALUE)) {
                    distance.put(r.caseId(), d);
                    nearestPerCase.put(r.caseId(), r);
                }
            }
            nearestPerCase.forEach((caseId, r) -> {
                out.items.add(item);
                out.cases.add(caseId);
                out.removed.add(r.itemId());
                out.distances.add(distance.get(caseId));
                out.words.add(Math.min(print.words(), r.print().words()));
            });
        });
        return out;
    }

    /**
     * Puts the new reappearances' items into the reappeared case of their removed case: the open one (still
     * new, so nobody assessed a different set of items), else a new one for the removed case's unit.
     */
    private void route(Handle h, List<Long> found) {
        record Found(long id, long itemId, long removedCaseId, long unitId, String how, String detail) {
        }
        Map<Long, List<Found>> byCase = new TreeMap<>();
        h.createQuery("""
                        SELECT id, item_id, removed_case_id, unit_id, how, CAST(detail AS text) FROM reappearances
                        WHERE id = ANY(?) ORDER BY id""").bind(0, found.toArray(Long[]::new))
                .map((rs, c) -> new Found(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6)))
                .forEach(f -> byCase.computeIfAbsent(f.removedCaseId(), k -> new ArrayList<>()).add(f));
        for (Map.Entry<Long, List<Found>> e : byCase.entrySet()) {
            long removedCase = e.getKey();
            h.execute("SELECT pg_advisory_xact_lock(?, CAST(? AS integer))", LOCK, removedCase);
            List<Long> itemIds = e.getValue().stream().map(Found::itemId).distinct().toList();
            Long open = h.createQuery("""
                            SELECT x.case_id FROM reappearances x JOIN review_cases c ON c.id = x.case_id
                            WHERE x.removed_case_id = ? AND c.state = 'new' ORDER BY x.case_id DESC LIMIT 1""")
                    .bind(0, removedCase).mapTo(Long.class).findOne().orElse(null);
            long caseId;
            if (open == null) {
                caseId = cases.openFor(RemovedContent.SYSTEM, e.getValue().get(0).unitId(), new Cases.NewCase(itemIds,
                        QUEUE, PRIORITY, "Reappeared: content of removed case #" + removedCase, false));
            } else {
                caseId = open;
                itemIds.forEach(item -> cases.addItem(RemovedContent.SYSTEM, open, item));
            }
            h.createUpdate("UPDATE reappearances SET case_id = ? WHERE id = ANY(?)").bind(0, caseId)
                    .bind(1, e.getValue().stream().map(Found::id).toArray(Long[]::new)).execute();
            for (Found f : e.getValue()) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("reappearance", f.id());
                payload.put("removedCase", removedCase);
                payload.put("how", f.how());
                payload.put("detail", Reappearances.detail(f.detail()));
                payload.put("case", caseId);
                audit.record(h, RemovedContent.SYSTEM, "item.reappeared", "item", f.itemId(), payload);
            }
        }
    }
}
