package org.openiru.detect.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.app.Json;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.detect.routing.Router;
import org.openiru.detect.routing.RoutingRule;
import org.openiru.detect.routing.RoutingRules;
import org.openiru.review.Cases;

/**
 * Puts items that carry the same content into one case (docs/detection.md, "Cases and routing"). For each item,
 * after scoring: its copies are found in the {@link ContentIndex} (same file, PDQ within {@value #PDQ_DISTANCE},
 * near-duplicate text); it joins the open case of a copy; a copy of a case already decided opens a new case that
 * shows that decision as a suggestion (never a referral); otherwise it opens a case, routed by the rules, when it
 * is a priority (band high or medium, or a bank hit) or a sampling rule picks it, and takes its copies that are in
 * no case along. An item is given a case once: clustering it again (a new score, a file hashed later) only updates
 * its keys, unless it has no case yet.
 *
 * <p>One clustering transaction at a time, across processes (an advisory lock): the index reads what others wrote
 * since it last looked, and two copies arriving at once cannot open two cases.
 */
public final class CaseClustering {
    public static final Actor SYSTEM = Actor.system("detect-cases");
    /** The banks' default PDQ threshold: the distance at which two pictures are the same content. */
    public static final int PDQ_DISTANCE = 31;
    /** Copies looked at per item; more copies of one content change nothing (they are in one case). */
    static final int NEIGHBOURS = 50;
    private static final long LOCK = 0x434C555354455253L;
    private static final List<String> PRIORITY_BANDS = List.of("high", "medium");
    private static final List<String> REFERRABLE = List.of("approved", "referred");

    private final Jdbi jdbi;
    private final Cases cases;
    private final AuditLog audit;
    private ContentIndex index;
    private long seen;

    public CaseClustering(Jdbi jdbi, Cases cases, AuditLog audit) {
        this.jdbi = jdbi;
        this.cases = cases;
        this.audit = audit;
    }

    /** What clustering did with one item. */
    public record Result(long itemId, String outcome, Long caseId) {
    }

    /** Clusters these items (unknown ids are skipped), in id order. */
    public synchronized List<Result> cluster(List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = itemIds.stream().distinct().sorted().toArray(Long[]::new);
        try {
            return jdbi.inTransaction(h -> {
                h.execute("SELECT pg_advisory_xact_lock(?)", LOCK);
                catchUp(h);
                List<RoutingRule> rules = RoutingRules.list(h);
                List<Result> out = new ArrayList<>();
                for (ClusterFacts.Item item : ClusterFacts.load(h, ids)) {
                    out.add(clusterOne(h, item, rules));
                }
                return out;
            });
        } catch (RuntimeException e) {
            // the index may hold keys of the rolled-back transaction: read it again from the table next time
            index = null;
            throw e;
        }
    }

    /** Reads the keys written since the last look (all of them the first time). */
    private void catchUp(Handle h) {
        if (index == null) {
            index = new ContentIndex();
            seen = 0;
        }
        h.createQuery("""
                        SELECT item_id, seq, sha256s, pdqs, simhash FROM detect_cluster_items WHERE seq > ? ORDER BY seq""")
                .bind(0, seen).setFetchSize(10_000)
                .map((rs, c) -> {
                    index.put(rs.getLong(1), new ContentIndex.Keys(org.openiru.store.Rows.strings(rs, 3),
                            org.openiru.store.Rows.strings(rs, 4), (Long) rs.getObject(5)));
                    return rs.getLong(2);
                })
                .forEach(seq -> seen = Math.max(seen, seq));
    }

    private Result clusterOne(Handle h, ClusterFacts.Item it, List<RoutingRule> rules) {
        long id = it.facts().itemId();
        TextPrint print = TextPrint.of(it.text());
        ContentIndex.Keys keys = new ContentIndex.Keys(it.sha256s(), it.pdqs(),
                print.comparable() ? print.simhash() : null);
        ClusterFacts.Prior prior = it.prior();
        Row row = new Row(id, it.version(), keys, print.words());
        if (prior != null && prior.hasCase()) {
            // given a case once; only the keys may have changed (a file hashed since), for later copies to find
            if (prior.version() != it.version() || !prior.keys().equals(keys)) {
                index.put(id, keys);
                row.keysOnly(h);
            }
            return new Result(id, prior.outcome(), prior.caseId());
        }
        List<ContentIndex.Neighbour> copies = index.neighbours(id, keys, PDQ_DISTANCE, NEIGHBOURS);
        index.put(id, keys);
        if (it.caseId() != null) {
            return row.save(h, "in_case", it.caseId(), null, null);
        }
        List<CopyCase> copyCases = casesOf(h, copies);
        Optional<CopyCase> open = copyCases.stream().filter(c -> c.state().equals("new")).findFirst();
        if (open.isPresent()) {
            cases.addItem(h, SYSTEM, open.get().caseId(), id);
            return row.save(h, "joined", open.get().caseId(), open.get().copy(), null);
        }
        Optional<CopyCase> decided = copyCases.stream().findFirst();
        Router.Route route = Router.route(rules, it.facts());
        String because = it.facts().hashMatch() ? "hash_match"
                : PRIORITY_BANDS.contains(it.facts().band()) ? "band"
                : route.sample() ? "sample" : null;
        if (decided.isPresent()) {
            // a copy of content approved for referral is always worth a look; of other decisions, when it is a priority
            because = because != null || REFERRABLE.contains(decided.get().state()) ? "copy_of_decided" : null;
        }
        Optional<Long> unit = unitFor(h, route.queue(), id);
        if (because == null || unit.isEmpty()) {
            return row.save(h, "not_opened", null, copies.isEmpty() ? null : copies.get(0), null);
        }
        List<ContentIndex.Neighbour> loose = copies.stream()
                .filter(n -> copyCases.stream().noneMatch(c -> c.copy().itemId() == n.itemId())).toList();
        List<Long> members = new ArrayList<>();
        members.add(id);
        loose.stream().limit(Cases.MAX_ITEMS - 1).forEach(n -> members.add(n.itemId()));
        long caseId = cases.openFor(h, SYSTEM, unit.get(), new Cases.NewCase(members, route.queue(),
                it.facts().priority(), title(id, it.text()), false));
        recordRoute(h, caseId, id, route, because);
        Long suggestedFrom = because.equals("copy_of_decided") ? decided.get().caseId() : null;
        Result r = row.save(h, suggestedFrom == null ? "opened" : "copy_of_decided", caseId,
                decided.map(CopyCase::copy).orElse(null), suggestedFrom);
        for (ContentIndex.Neighbour n : loose.subList(0, members.size() - 1)) {
            h.createUpdate("""
                            UPDATE detect_cluster_items SET outcome = 'joined', case_id = ?, via_item_id = ?, how = ?,
                                distance = ?, seq = nextval('detect_cluster_seq'), clustered_at = now()
                            WHERE item_id = ?""")
                    .bind(0, caseId).bind(1, id).bind(2, n.how()).bind(3, n.distance()).bind(4, n.itemId()).execute();
        }
        return r;
    }

    /** A case an item's copy is in, with the copy and the case's workflow state. */
    private record CopyCase(ContentIndex.Neighbour copy, long caseId, String state) {
    }

    /** The cases of the copies, best copy first; a copy in several cases gives its newest. */
    private static List<CopyCase> casesOf(Handle h, List<ContentIndex.Neighbour> copies) {
        if (copies.isEmpty()) {
            return List.of();
        }
        Map<Long, CopyCase> byItem = new LinkedHashMap<>();
        Map<Long, ContentIndex.Neighbour> copy = new LinkedHashMap<>();
        copies.forEach(n -> copy.put(n.itemId(), n));
        h.createQuery("""
                        SELECT DISTINCT ON (ci.item_id) ci.item_id, c.id, c.state FROM review_case_items ci
                        JOIN review_cases c ON c.id = ci.case_id WHERE ci.item_id = ANY(?)
                        ORDER BY ci.item_id, c.id DESC""").bind(0, copy.keySet().toArray(Long[]::new))
                .map((rs, c) -> new CopyCase(copy.get(rs.getLong(1)), rs.getLong(2), rs.getString(3)))
                .forEach(c -> byItem.put(c.copy().itemId(), c));
        List<CopyCase> out = new ArrayList<>();
        copies.forEach(n -> {
            if (byItem.containsKey(n.itemId())) {
                out.add(byItem.get(n.itemId()));
            }
        });
        return out;
    }

    /**
     * The unit a new case belongs to: the queue's unit when it has one, else the unit of the person who started the
     * item's first import, else the first unit of the deployment.
     */
    private static Optional<Long> unitFor(Handle h, String queue, long itemId) {
        return h.createQuery("""
                        SELECT COALESCE((SELECT unit_id FROM review_queues WHERE name = :queue),
                            (SELECT u.unit_id FROM item_versions v JOIN sources s ON s.id = v.source_id
                             JOIN users u ON u.username = s.created_by WHERE v.item_id = :item
                             ORDER BY v.version LIMIT 1),
                            (SELECT min(id) FROM units))""")
                .bind("queue", queue).bind("item", itemId).mapTo(Long.class).findOne();
    }

    private void recordRoute(Handle h, long caseId, long itemId, Router.Route route, String because) {
        RoutingRule rule = route.rule();
        String conditions = Json.write(route.conditions());
        h.createUpdate("""
                        INSERT INTO detect_case_routing (case_id, item_id, rule_id, rule_name, rule_position, queue,
                            conditions, sample_every, opened_because)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")
                .bind(0, caseId).bind(1, itemId).bind(2, rule == null ? null : rule.id())
                .bind(3, rule == null ? null : rule.name()).bind(4, rule == null ? null : rule.position())
                .bind(5, route.queue()).bind(6, conditions).bind(7, route.sample() ? rule.sampleEvery() : null)
                .bind(8, because).execute();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("item", itemId);
        payload.put("queue", route.queue());
        payload.put("rule", rule == null ? null : rule.name());
        payload.put("conditions", route.conditions());
        payload.put("openedBecause", because);
        audit.record(h, SYSTEM, "detect.case.routed", "case", caseId, payload);
    }

    /** The first words of the text (control characters dropped), or the item's number for an empty text. */
    static String title(long itemId, String text) {
        String flat = text == null ? "" : text.replaceAll("\\p{Cntrl}|\\p{Cf}", " ").replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return "Item " + itemId;
        }
        return flat.length() <= 80 ? flat : flat.substring(0, flat.offsetByCodePoints(0,
                flat.codePointCount(0, 80))) + "…";
    }

    /** One item's clustering row. */
    private record Row(long itemId, int version, ContentIndex.Keys keys, int words) {
        Result save(Handle h, String outcome, Long caseId, ContentIndex.Neighbour via, Long suggestedFrom) {
            h.createUpdate("""
                            INSERT INTO detect_cluster_items (item_id, item_version, sha256s, pdqs, simhash, words,
                                outcome, case_id, via_item_id, how, distance, suggested_from)
                            VALUES (:item, :version, :shas, :pdqs, :simhash, :words, :outcome, :case, :via, :how,
                                :distance, :suggested)
                            ON CONFLICT (item_id) DO UPDATE SET seq = nextval('detect_cluster_seq'),
                                item_version = excluded.item_version, sha256s = excluded.sha256s, pdqs = excluded.pdqs,
                                simhash = excluded.simhash, words = excluded.words, outcome = excluded.outcome,
                                case_id = excluded.case_id, via_item_id = excluded.via_item_id, how = excluded.how,
                                distance = excluded.distance, suggested_from = excluded.suggested_from,
                                clustered_at = now()""")
                    .bind("item", itemId).bind("version", version)
                    .bind("shas", keys.sha256s().toArray(String[]::new)).bind("pdqs", keys.pdqs().toArray(String[]::new))
                    .bind("simhash", keys.simhash()).bind("words", words).bind("outcome", outcome)
                    .bind("case", caseId).bind("via", via == null ? null : via.itemId())
                    .bind("how", via == null ? null : via.how()).bind("distance", via == null ? null : via.distance())
                    .bind("suggested", suggestedFrom).execute();
            return new Result(itemId, outcome, caseId);
        }

        void keysOnly(Handle h) {
            h.createUpdate("""
                            UPDATE detect_cluster_items SET seq = nextval('detect_cluster_seq'), item_version = ?,
                                sha256s = ?, pdqs = ?, simhash = ?, words = ? WHERE item_id = ?""")
                    .bind(0, version).bind(1, keys.sha256s().toArray(String[]::new))
                    .bind(2, keys.pdqs().toArray(String[]::new)).bind(3, keys.simhash()).bind(4, words)
                    .bind(5, itemId).execute();
        }
    }
}
