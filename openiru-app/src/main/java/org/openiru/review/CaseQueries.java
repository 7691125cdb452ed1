package org.openiru.review;

import static org.openiru.store.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.openiru.ingest.ItemQueries;

/** What the desk's pages and the API read about cases: lists, counters, one case with everything around it. */
public final class CaseQueries {
    /** The state shown: a hold in force on the case or an actor of its items, then a live claim, then the workflow. */
    private static final String ROWS = """
            SELECT c.id, c.title, q.name AS queue, c.unit_id, un.name AS unit, c.priority,
                   CASE WHEN EXISTS (SELECT 1 FROM review_holds hd WHERE hd.ended_at IS NULL AND hd.expires_at > now()
                            AND (hd.case_id = c.id OR hd.actor_id IN (SELECT i.actor_id FROM review_case_items ci
                                 JOIN items i ON i.id = ci.item_id WHERE ci.case_id = c.id))) THEN 'held'
                        WHEN cl.expires_at > now() THEN 'in_review' ELSE c.state END AS shown,
                   c.graphic, c.created_at, c.updated_at,
                   (SELECT count(*) FROM review_case_items ci WHERE ci.case_id = c.id) AS items,
                   CASE WHEN cl.expires_at > now() THEN cu.username END AS claimed_by,
                   CASE WHEN cl.expires_at > now() THEN cl.expires_at END AS claim_expires,
                   (SELECT a.assessor_id FROM review_assessments a WHERE a.case_id = c.id ORDER BY a.id DESC LIMIT 1)
                       AS assessor_id, c.state AS workflow
            FROM review_cases c JOIN review_queues q ON q.id = c.queue_id JOIN units un ON un.id = c.unit_id
            LEFT JOIN review_claims cl ON cl.case_id = c.id LEFT JOIN users cu ON cu.id = cl.user_id
            """;
    private final Jdbi jdbi;
    private final ItemQueries items;

    CaseQueries(Jdbi jdbi, ItemQueries items) {
        this.jdbi = jdbi;
        this.items = items;
    }

    /** A case in a list. {@code state} is what {@link CaseState} would show; {@code workflow} the stored part. */
    public record CaseRow(long id, String title, String queue, long unitId, String unit, int priority, String state,
                          boolean graphic, Instant createdAt, Instant updatedAt, long items, String claimedBy,
                          Instant claimExpires, Long assessorId, String workflow) {
    }

    /** Filters of the case lists; null means any. */
    public record Filter(Long queueId, String state, Long itemId) {
    }

    /** By priority (highest first), then age (oldest first). */
    public List<CaseRow> list(Filter f, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM (" + ROWS + """
                        WHERE (CAST(:queue AS bigint) IS NULL OR c.queue_id = :queue)
                          AND (CAST(:item AS bigint) IS NULL OR EXISTS (SELECT 1 FROM review_case_items x
                               WHERE x.case_id = c.id AND x.item_id = :item))
                        ) r WHERE (CAST(:state AS text) IS NULL OR r.shown = :state)
                        ORDER BY r.priority DESC, r.created_at, r.id LIMIT :limit""")
                .bind("queue", f.queueId()).bind("state", f.state()).bind("item", f.itemId()).bind("limit", limit)
                .map(CaseQueries::row).list());
    }

    /** Cases a second person decides: assessments awaiting approval, then escalations; oldest first. */
    public List<CaseRow> awaitingDecision(int limit) {
        return jdbi.withHandle(h -> h.createQuery(ROWS + """
                        WHERE c.state IN ('assessed', 'escalated') ORDER BY c.state, c.updated_at LIMIT ?""")
                .bind(0, limit).map(CaseQueries::row).list());
    }

    public Optional<CaseRow> row(long caseId) {
        return jdbi.withHandle(h -> h.createQuery(ROWS + "WHERE c.id = ?").bind(0, caseId).map(CaseQueries::row)
                .findOne());
    }

    /** A queue's counters: waiting cases, the oldest one's age, cases decided today, median handling time. */
    public record Counters(long waiting, Duration oldestAge, long handledToday, Duration medianHandling) {
    }

    public Counters counters(long queueId) {
        OffsetDateTime today = LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC);
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH waiting AS (SELECT c.created_at FROM review_cases c WHERE c.queue_id = :q
                                AND c.state = 'new' AND NOT EXISTS (SELECT 1 FROM review_claims cl
                                    WHERE cl.case_id = c.id AND cl.expires_at > now()))
                        SELECT (SELECT count(*) FROM waiting),
                               (SELECT extract(epoch FROM now() - min(created_at)) FROM waiting),
                               (SELECT count(*) FROM review_case_events e JOIN review_cases c ON c.id = e.case_id
                                WHERE c.queue_id = :q AND e.kind IN ('assessed', 'escalated') AND e.at >= :today),
                               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.at - (
                                    SELECT max(k.at) FROM review_case_events k WHERE k.case_id = e.case_id
                                    AND k.kind = 'claimed' AND k.actor_id = e.actor_id AND k.id < e.id)))
                                FROM review_case_events e JOIN review_cases c ON c.id = e.case_id
                                WHERE c.queue_id = :q AND e.kind IN ('assessed', 'escalated') AND e.at >= :today)""")
                .bind("q", queueId).bind("today", today)
                .map((rs, c) -> new Counters(rs.getLong(1), seconds(rs, 2), rs.getLong(3), seconds(rs, 4))).one());
    }

    /** One item of a case: the item as ingest shows it, and when the case first and last saw it. */
    public record CaseItem(ItemQueries.ItemDetail item, Instant firstSeen, Instant lastSeen) {
    }

    /** An assessment with the decision on it, if any. */
    public record AssessmentRow(long id, long assessorId, String assessor, String outcome, List<String> categories,
                                String entity, Integer severity, String contentType, String reason, String question,
                                String note, boolean needsApproval, Instant at, String decision, String approver,
                                String decisionComment) {
    }

    /**
     * The same content in another case that was approved for referral or referred: the same item, or an item
     * carrying the same file. Shown before approval so that a platform is not asked twice.
     */
    public record Conflict(long caseId, String unit, String state, String platform, boolean sameItem) {
    }

    /** An actor of the case's items and what the desk decided about its other cases. */
    public record ActorHistory(long actorId, String name, String platform, long items, long cases, long approved,
                               long notActionable) {
    }

    public record CaseDetail(CaseRow row, List<CaseItem> items, List<CaseEvent> events,
                             List<AssessmentRow> assessments, List<Holds.Hold> holds, List<Conflict> conflicts,
                             List<ActorHistory> actors) {
    }

    public Optional<CaseDetail> detail(long caseId, long viewerUnit) {
        Optional<CaseRow> row = row(caseId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> {
            List<CaseItem> caseItems = new ArrayList<>();
            record Seen(long item, Instant first, Instant last) {
            }
            h.createQuery("""
                            SELECT item_id, first_seen, last_seen FROM review_case_items WHERE case_id = ?
                            ORDER BY first_seen, item_id""").bind(0, caseId)
                    .map((rs, c) -> new Seen(rs.getLong(1), instant(rs, 2), instant(rs, 3))).list()
                    .forEach(s -> items.item(s.item()).ifPresent(i -> caseItems.add(new CaseItem(i, s.first(),
                            s.last()))));
            List<AssessmentRow> assessments = h.createQuery("""
                            SELECT a.id, a.assessor_id, u.username, a.outcome, a.categories, a.entity, a.severity,
                                   a.content_type, a.reason, a.question, a.note, a.needs_approval, a.created_at,
                                   ap.decision, au.username, ap.comment
                            FROM review_assessments a JOIN users u ON u.id = a.assessor_id
                            LEFT JOIN review_approvals ap ON ap.assessment_id = a.id
                            LEFT JOIN users au ON au.id = ap.approver_id
                            WHERE a.case_id = ? ORDER BY a.id DESC""").bind(0, caseId)
                    .map((rs, c) -> new AssessmentRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            List.of((String[]) rs.getArray(5).getArray()), rs.getString(6), (Integer) rs.getObject(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getBoolean(12),
                            instant(rs, 13), rs.getString(14), rs.getString(15), rs.getString(16))).list();
            List<Conflict> conflicts = h.createQuery("""
                            SELECT DISTINCT o.id, un.name, o.state, p.name, oi.item_id = mine.item_id
                            FROM review_case_items mine
                            LEFT JOIN item_blobs mb ON mb.item_id = mine.item_id AND mb.blob_sha256 IS NOT NULL
                            JOIN review_case_items oi ON oi.case_id <> mine.case_id AND (oi.item_id = mine.item_id
                                 OR oi.item_id IN (SELECT ob.item_id FROM item_blobs ob
                                                   WHERE ob.blob_sha256 = mb.blob_sha256))
                            JOIN review_cases o ON o.id = oi.case_id AND o.state IN ('approved', 'referred')
                            JOIN units un ON un.id = o.unit_id
                            JOIN items i ON i.id = oi.item_id LEFT JOIN platforms p ON p.id = i.platform_id
                            WHERE mine.case_id = ? ORDER BY 1""").bind(0, caseId)
                    .map((rs, c) -> new Conflict(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5))).list();
            List<ActorHistory> actors = h.createQuery("""
                            SELECT a.id, COALESCE(NULLIF(a.display_name, ''), a.handle, a.external_id), p.name,
                                   (SELECT count(*) FROM items x WHERE x.actor_id = a.id),
                                   count(DISTINCT oc.id) FILTER (WHERE oc.id <> :case),
                                   count(DISTINCT oc.id) FILTER (WHERE oc.id <> :case
                                       AND oc.state IN ('approved', 'referred')),
                                   count(DISTINCT oc.id) FILTER (WHERE oc.id <> :case AND oc.state = 'not_actionable')
                            FROM actors a LEFT JOIN platforms p ON p.id = a.platform_id
                            JOIN items ai ON ai.actor_id = a.id
                            LEFT JOIN review_case_items oci ON oci.item_id = ai.id
                            LEFT JOIN review_cases oc ON oc.id = oci.case_id
                            WHERE a.id IN (SELECT i.actor_id FROM review_case_items ci JOIN items i ON i.id = ci.item_id
                                           WHERE ci.case_id = :case)
                            GROUP BY a.id, p.name ORDER BY a.id""").bind("case", caseId)
                    .map((rs, c) -> new ActorHistory(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7))).list();
            return Optional.of(new CaseDetail(row.get(), caseItems, CaseLog.events(h, caseId), assessments,
                    Holds.active(h, caseId, viewerUnit), conflicts, actors));
        });
    }

    private static CaseRow row(ResultSet rs, StatementContext c) throws SQLException {
        return new CaseRow(rs.getLong("id"), rs.getString("title"), rs.getString("queue"), rs.getLong("unit_id"),
                rs.getString("unit"), rs.getInt("priority"), rs.getString("shown"), rs.getBoolean("graphic"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("items"), rs.getString("claimed_by"),
                instant(rs, "claim_expires"), (Long) rs.getObject("assessor_id"), rs.getString("workflow"));
    }

    private static Duration seconds(ResultSet rs, int col) throws SQLException {
        double s = rs.getDouble(col);
        return rs.wasNull() ? null : Duration.ofSeconds(Math.round(s));
    }
}
