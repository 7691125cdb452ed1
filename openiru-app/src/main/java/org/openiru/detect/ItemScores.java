package org.openiru.detect;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.openiru.store.Rows;
import org.openiru.text.score.Reason;
import org.openiru.text.score.Signals;
import org.openiru.text.score.TextScore;

/**
 * Scores stored items and keeps each item's current score with its reasons. The inputs are the item's
 * current text, the bank hits of the files it carries (from the signals feature; cancelled hits and negative
 * banks do not count), its outlinks to sites the reference data names, and what the review desk decided
 * ({@link AssessedSignals}: the author's and the forwarded-from account's items assessed as terrorist, outlinks
 * to assessed URLs and sites). Each input works without the others. Scoring an item again replaces its score:
 * writing the same result twice changes nothing but the time.
 */
public final class ItemScores {
    /** The first key of the two-key advisory locks on items being scored. */
    private static final int LOCK_CLASS = 5;
    private final Jdbi jdbi;
    private final Detector detector;

    public ItemScores(Jdbi jdbi, Detector detector) {
        this.jdbi = jdbi;
        this.detector = detector;
    }

    /** One reason as stored: enough to render its sentence in any language. */
    public record StoredReason(String code, double weight, String messageKey, List<String> args) {
    }

    /** An item's current score. {@code itemVersion} is the text version that was scored. */
    public record StoredScore(long itemId, int itemVersion, double score, int priority, String band, String label,
                              String language, String model, Instant scoredAt, List<StoredReason> reasons) {
    }

    private record Input(long id, int version, String text) {
    }

    /** Scores these items (unknown ids are skipped); returns how many were scored. */
    public int score(List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return 0;
        }
        Detector.Current d = detector.current();
        Long[] ids = itemIds.toArray(Long[]::new);
        return jdbi.inTransaction(h -> {
            // Two jobs may score one item at once (after ingest, after hashing): the later one waits and then
            // reads what the earlier committed, so the last score written is never older than its inputs. An
            // advisory lock, not a row lock, so that scoring never blocks an import's write of the item.
            h.createQuery("SELECT count(pg_advisory_xact_lock(" + LOCK_CLASS + ", CAST(id % 2147483647 AS int))) "
                    + "FROM (SELECT DISTINCT unnest(:ids) AS id ORDER BY 1) x").bind("ids", ids).mapTo(Long.class).one();
            List<Input> inputs = h.createQuery("""
                    SELECT i.id, i.current_version, v.text FROM items i
                    JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
                    WHERE i.id = ANY(:ids) ORDER BY i.id""").bind("ids", ids)
                    .map((rs, c) -> new Input(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
            Map<Long, List<Signals.HashMatch>> hits = hashMatches(h, ids);
            Map<Long, List<Signals.OutlinkAssessment>> links = knownSiteLinks(h, ids, d.hosts());
            AssessedSignals assessed = AssessedSignals.of(h, ids);
            List<Long> scored = new ArrayList<>();
            PreparedBatch scores = h.prepareBatch("""
                    INSERT INTO item_scores (item_id, item_version, score, priority, band, label, language, model)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (item_id) DO UPDATE SET item_version = excluded.item_version, score = excluded.score,
                        priority = excluded.priority, band = excluded.band, label = excluded.label,
                        language = excluded.language, model = excluded.model, scored_at = now()""");
            PreparedBatch reasons = h.prepareBatch("""
                    INSERT INTO item_score_reasons (item_id, position, code, weight, message_key, args)
                    VALUES (?, ?, ?, ?, ?, ?)""");
            PreparedBatch languages = h.prepareBatch(
                    "UPDATE items SET language = ? WHERE id = ? AND language IS DISTINCT FROM ?");
            for (Input in : inputs) {
                Signals signals = new Signals(hits.getOrDefault(in.id(), List.of()), assessed.author(in.id()),
                        assessed.forwardedFrom(in.id()), assessed.withOutlinks(in.id(), links.getOrDefault(in.id(),
                        List.of())));
                TextScore s = d.scorer().score(in.text(), signals);
                scores.add(in.id(), in.version(), s.score(), s.priority(), s.band().name().toLowerCase(Locale.ROOT),
                        s.label().id(), s.language().code(), s.model());
                int position = 0;
                for (Reason r : s.reasons()) {
                    reasons.add(in.id(), position++, r.code(), r.weight(), r.messageKey(), r.args().toArray(String[]::new));
                }
                languages.add(s.language().code(), in.id(), s.language().code());
                scored.add(in.id());
            }
            if (scored.isEmpty()) {
                return 0;
            }
            h.createUpdate("DELETE FROM item_score_reasons WHERE item_id = ANY(:ids)")
                    .bind("ids", scored.toArray(Long[]::new)).execute();
            scores.execute();
            if (reasons.size() > 0) {
                reasons.execute();
            }
            languages.execute();
            return scored.size();
        });
    }

    /** Bank hits of the files the items carry. An exact signal's threshold is 0; a PDQ one the bank's. */
    private static Map<Long, List<Signals.HashMatch>> hashMatches(Handle h, Long[] ids) {
        Map<Long, List<Signals.HashMatch>> out = new HashMap<>();
        h.createQuery("""
                SELECT ib.item_id, b.name, h.signal_type, h.distance,
                       CASE WHEN h.signal_type = 'pdq' THEN b.pdq_threshold ELSE 0 END, h.entity, h.tags
                FROM item_blobs ib JOIN hits h ON h.content_ref = ib.blob_sha256 JOIN banks b ON b.id = h.bank_id
                WHERE ib.item_id = ANY(:ids) AND NOT h.cancelled_by_negative AND b.kind = 'known' AND b.enabled
                ORDER BY ib.item_id, h.distance, h.id""").bind("ids", ids)
                .map((rs, c) -> {
                    List<String> labels = new ArrayList<>();
                    if (!rs.getString(6).isEmpty()) {
                        labels.add(rs.getString(6));
                    }
                    Array tags = rs.getArray(7);
                    labels.addAll(Arrays.asList((String[]) tags.getArray()));
                    return Map.entry(rs.getLong(1), new Signals.HashMatch(rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getInt(5), labels));
                })
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** Outlinks to a known site of an entity (the host itself or a subdomain of it). */
    private static Map<Long, List<Signals.OutlinkAssessment>> knownSiteLinks(Handle h, Long[] ids,
                                                                             List<ReferenceStore.KnownHost> hosts) {
        Map<Long, List<Signals.OutlinkAssessment>> out = new HashMap<>();
        if (hosts.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT item_id, url, host FROM outlinks WHERE item_id = ANY(:ids) ORDER BY item_id, url")
                .bind("ids", ids)
                .map((rs, c) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                .forEach(row -> knownSite(hosts, (String) row[2]).ifPresent(k -> out
                        .computeIfAbsent((Long) row[0], x -> new ArrayList<>())
                        .add(new Signals.OutlinkAssessment((String) row[1], false,
                                k.entityId() + (k.note().isEmpty() ? "" : " — " + k.note())))));
        return out;
    }

    static Optional<ReferenceStore.KnownHost> knownSite(List<ReferenceStore.KnownHost> hosts, String host) {
        String hh = host.toLowerCase(Locale.ROOT);
        return hosts.stream().filter(k -> hh.equals(k.host()) || hh.endsWith("." + k.host())).findFirst();
    }

    public Optional<StoredScore> find(long itemId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT item_id, item_version, score, priority, band, label, language, model, scored_at
                        FROM item_scores WHERE item_id = ?""").bind(0, itemId)
                .map((rs, c) -> new StoredScore(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant(), h.createQuery("""
                                SELECT code, weight, message_key, args FROM item_score_reasons WHERE item_id = ?
                                ORDER BY position""").bind(0, itemId)
                        .map((r2, c2) -> new StoredReason(r2.getString(1), r2.getDouble(2), r2.getString(3),
                                Arrays.asList((String[]) r2.getArray(4).getArray()))).list()))
                .findOne());
    }

    /** Items without a score, or whose score is of an older text version. */
    public List<Long> unscored(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT i.id FROM items i LEFT JOIN item_scores s ON s.item_id = i.id
                WHERE i.id > ? AND (s.item_id IS NULL OR s.item_version <> i.current_version)
                ORDER BY i.id LIMIT ?""").bind(0, afterId).bind(1, limit).mapTo(Long.class).list());
    }

    /** The version every score made now records: {@code <model>+ref-<reference version>}. */
    public String currentModel() {
        return detector.current().scorer().modelVersion();
    }

    /**
     * Scored items whose score no longer reflects what is known: all of them when {@code modelChanged}, else
     * those carrying a file with a bank hit since {@code since}, and those whose author or forwarded-from
     * account posted, or whose outlinks point at, an item in a case assessed (or approved or rejected) since then.
     */
    public List<Long> affectedSince(Instant since, boolean modelChanged) {
        String model = currentModel();
        return jdbi.withHandle(h -> {
            if (modelChanged) {
                return h.createQuery("SELECT item_id FROM item_scores WHERE model <> ? ORDER BY item_id")
                        .bind(0, model).mapTo(Long.class).list();
            }
            return h.createQuery("""
                    WITH decided AS (
                        SELECT ci.item_id FROM review_case_items ci JOIN review_assessments a ON a.case_id = ci.case_id
                        WHERE a.created_at > :since OR EXISTS (SELECT 1 FROM review_approvals p
                            WHERE p.assessment_id = a.id AND p.created_at > :since)),
                    decided_items AS (SELECT i.* FROM items i WHERE i.id IN (SELECT item_id FROM decided))
                    SELECT ib.item_id FROM hits x JOIN item_blobs ib ON ib.blob_sha256 = x.content_ref
                    WHERE x.created_at > :since
                    UNION SELECT o.id FROM decided_items d JOIN items o
                        ON o.actor_id = d.actor_id OR o.forwarded_from_actor_id = d.actor_id
                    UNION SELECT l.item_id FROM decided_items d JOIN outlinks l ON l.url = d.canonical_url
                        OR (d.platform_id IS NULL AND lower(l.host)
                            = lower(substring(d.canonical_url from '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)')))
                    ORDER BY 1""")
                    .bind("since", Rows.utc(since))
                    .mapTo(Long.class).list();
        });
    }

    /** The items that carry a file, for scoring them again once the file's hits are known. */
    public List<Long> itemsWithBlob(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT item_id FROM item_blobs WHERE blob_sha256 = ?")
                .bind(0, sha256).mapTo(Long.class).list());
    }
}
