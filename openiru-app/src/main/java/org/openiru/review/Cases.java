package org.openiru.review;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.web.ApiException;

/**
 * Every change to cases: opening them (by hand, or later by detection), handing them out with exclusive
 * claims, assessments, four-eyes approval, comments and bulk actions. Each change is one transaction that
 * appends case events (and through them the audit log).
 */
public final class Cases {
    public static final Duration CLAIM_TTL = Duration.ofMinutes(10);
    public static final int BULK_CAP = 1000;
    public static final int MAX_ITEMS = 1000;
    public static final String DEFAULT_QUEUE = "general";
    private static final int MAX_TEXT = 4000;
    /** A case skipped with {@code k} is not handed to the same person again for this long. */
    private static final String SKIP_WINDOW = "1 hour";

    private final Jdbi jdbi;
    private final CaseLog log;
    private final Holds holds;
    private final Duration claimTtl;

    Cases(Jdbi jdbi, CaseLog log, Holds holds, Duration claimTtl) {
        this.jdbi = jdbi;
        this.log = log;
        this.holds = holds;
        this.claimTtl = claimTtl;
    }

    /** A queue of cases and who may work it: {@code unitId} null is every unit. */
    public record Queue(long id, String name, String description, Long unitId, Set<Role> roles) {
        public boolean allows(User u) {
            return (unitId == null || unitId == u.unitId()) && u.roles().stream().anyMatch(roles::contains);
        }
    }

    public List<Queue> queues() {
        return jdbi.withHandle(Cases::queues);
    }

    static List<Queue> queues(Handle h) {
        return h.createQuery("SELECT id, name, description, unit_id, roles FROM review_queues ORDER BY name")
                .map((rs, c) -> {
                    Set<Role> roles = new HashSet<>();
                    for (String r : (String[]) rs.getArray(5).getArray()) {
                        Role.parse(r).ifPresent(roles::add);
                    }
                    return new Queue(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                            Set.copyOf(roles));
                }).list();
    }

    public Queue queue(long id) {
        return queues().stream().filter(q -> q.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("Queue " + id));
    }

    /** What a new case is made of; null priority is 50, null queue is {@value #DEFAULT_QUEUE}. */
    public record NewCase(List<Long> itemIds, String queue, Integer priority, String title, Boolean graphic) {
    }

    /**
     * Opens a case on items for {@code unitId}: by hand from an item, or by detection when it finds a cluster.
     * Returns the case id.
     */
    public long openFor(Actor who, long unitId, NewCase in) {
        return jdbi.inTransaction(h -> openFor(h, who, unitId, in));
    }

    /**
     * {@link #openFor(Actor, long, NewCase)} in the caller's transaction: detection opens a case and records why in
     * one transaction, so that a crash leaves neither a case without its reasons nor reasons without their case.
     */
    public long openFor(Handle h, Actor who, long unitId, NewCase in) {
        List<Long> ids = distinct("itemIds", in.itemIds());
        if (ids.isEmpty() || ids.size() > MAX_ITEMS) {
            throw ApiException.badRequest("itemIds", "Give from 1 to " + MAX_ITEMS + " item ids");
        }
        int priority = in.priority() == null ? 50 : in.priority();
        if (priority < 0 || priority > 100) {
            throw ApiException.badRequest("priority", "priority must be from 0 (lowest) to 100 (highest)");
        }
        String title = in.title() == null ? "" : in.title().strip();
        if (title.length() > 500) {
            throw ApiException.badRequest("title", "title is at most 500 characters");
        }
        String queueName = in.queue() == null || in.queue().isBlank() ? DEFAULT_QUEUE : in.queue().strip();
        Queue queue = queues(h).stream().filter(q -> q.name().equals(queueName)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("queue", "No queue named " + queueName));
        List<Long> known = h.createQuery("SELECT id FROM items WHERE id = ANY(?)")
                .bind(0, ids.toArray(new Long[0])).mapTo(Long.class).list();
        Optional<Long> unknown = ids.stream().filter(id -> !known.contains(id)).findFirst();
        if (unknown.isPresent()) {
            throw ApiException.badRequest("itemIds", "Item " + unknown.get() + " does not exist");
        }
        long caseId = h.createQuery("""
                        INSERT INTO review_cases (unit_id, queue_id, priority, title, graphic)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .bind(0, unitId).bind(1, queue.id()).bind(2, priority).bind(3, title)
                .bind(4, Boolean.TRUE.equals(in.graphic())).mapTo(Long.class).one();
        log.append(h, who, caseId, "created", Map.of("itemIds", ids, "queue", queue.name(), "priority",
                priority, "graphic", Boolean.TRUE.equals(in.graphic())), null);
        for (long item : ids) {
            h.execute("INSERT INTO review_case_items (case_id, item_id) VALUES (?, ?)", caseId, item);
        }
        return caseId;
    }

    /** Adds an item to a case, or marks it seen again (last seen) when it is already there. */
    public void addItem(Actor who, long caseId, long itemId) {
        jdbi.useTransaction(h -> addItem(h, who, caseId, itemId));
    }

    /** {@link #addItem(Actor, long, long)} in the caller's transaction. */
    public void addItem(Handle h, Actor who, long caseId, long itemId) {
        lockCase(h, caseId);
        if (h.createQuery("SELECT count(*) FROM items WHERE id = ?").bind(0, itemId).mapTo(Long.class).one() == 0) {
            throw ApiException.badRequest("itemId", "Item " + itemId + " does not exist");
        }
        boolean added = h.createQuery("""
                        INSERT INTO review_case_items (case_id, item_id) VALUES (?, ?)
                        ON CONFLICT (case_id, item_id) DO UPDATE SET last_seen = now()
                        RETURNING xmax = 0""").bind(0, caseId).bind(1, itemId).mapTo(Boolean.class).one();
        if (added) {
            log.append(h, who, caseId, "item_added", Map.of("itemId", itemId), null);
        }
    }

    /**
     * Hands the reviewer the next case of the queue (highest priority, then oldest) with an exclusive claim, or
     * their own case in review there when they already hold one. Empty when nothing is waiting for them.
     */
    public Optional<Long> next(Reviewer r, long queueId) {
        return jdbi.inTransaction(h -> {
            Queue queue = requireQueue(h, r.user(), queueId);
            Optional<Long> mine = h.createQuery("""
                            SELECT c.id FROM review_claims cl JOIN review_cases c ON c.id = cl.case_id
                            WHERE cl.user_id = ? AND cl.expires_at > now() AND c.queue_id = ? ORDER BY cl.claimed_at
                            LIMIT 1""").bind(0, r.id()).bind(1, queue.id()).mapTo(Long.class).findOne();
            if (mine.isPresent()) {
                return mine;
            }
            boolean graphicAllowed = !Wellness.capReached(h, r.id());
            List<Long> tried = new ArrayList<>();
            while (true) {
                Optional<Long> candidate = h.createQuery("""
                                SELECT c.id FROM review_cases c
                                WHERE c.queue_id = :queue AND c.state = 'new' AND (:graphic OR NOT c.graphic)
                                  AND c.id <> ALL(:tried)
                                  AND NOT EXISTS (SELECT 1 FROM review_claims cl WHERE cl.case_id = c.id
                                                  AND cl.expires_at > now())
                                  AND NOT EXISTS (SELECT 1 FROM review_case_events e WHERE e.case_id = c.id
                                                  AND e.kind = 'released' AND e.actor_id = :user
                                                  AND e.payload ->> 'skipped' = 'true'
                                                  AND e.at > now() - CAST('""" + SKIP_WINDOW + """
                                ' AS interval))
                                ORDER BY c.priority DESC, c.created_at, c.id
                                LIMIT 1 FOR UPDATE OF c SKIP LOCKED""")
                        .bind("queue", queue.id()).bind("graphic", graphicAllowed).bind("user", r.id())
                        .bind("tried", tried.toArray(new Long[0])).mapTo(Long.class).findOne();
                if (candidate.isEmpty()) {
                    return Optional.empty();
                }
                // The row lock makes us the only one claiming this case now; the claim is read again because
                // another transaction may have committed its claim after our query's snapshot was taken.
                if (takeClaim(h, r, candidate.get())) {
                    return candidate;
                }
                tried.add(candidate.get());
            }
        });
    }

    /** Claims one case (from its page or the API), or renews the reviewer's own claim on it. */
    public void claim(Reviewer r, long caseId) {
        jdbi.useTransaction(h -> {
            Case c = lockCase(h, caseId);
            requireQueue(h, r.user(), c.queueId());
            if (c.state() != CaseState.NEW && !(c.state() == CaseState.ESCALATED && mayDecideEscalated(h, r.user()))) {
                throw ApiException.conflict("state", "Case " + caseId + " is " + c.state().id()
                        + " and cannot be claimed for review");
            }
            if (!takeClaim(h, r, caseId)) {
                throw claimedByOther(h, caseId);
            }
        });
    }

    /**
     * Keeps the reviewer's claim alive while they work (the case page renews it every two minutes). A renewal is
     * not an event: it decides nothing, and one every two minutes would bury the timeline.
     */
    public Instant renew(Reviewer r, long caseId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE review_claims SET expires_at = now() + CAST(:ttl AS interval)
                        WHERE case_id = :case AND user_id = :user AND expires_at > now() RETURNING expires_at""")
                .bind("ttl", claimTtl.toSeconds() + " seconds").bind("case", caseId).bind("user", r.id())
                .mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant)
                .orElseThrow(() -> ApiException.conflict("claim", "You hold no claim on case " + caseId
                        + " any more (it expired or was released): claim it again")));
    }

    /** Gives the case back; {@code skipped} keeps it from being handed to the same person again for an hour. */
    public void release(Reviewer r, long caseId, boolean skipped) {
        jdbi.useTransaction(h -> {
            lockCase(h, caseId);
            int n = h.createUpdate("DELETE FROM review_claims WHERE case_id = ? AND user_id = ?")
                    .bind(0, caseId).bind(1, r.id()).execute();
            if (n == 0) {
                throw ApiException.conflict("claim", "You hold no claim on case " + caseId);
            }
            log.append(h, r.actor(), caseId, "released", Map.of("skipped", skipped), null);
        });
    }

    /**
     * Records the reviewer's assessment. Needs the case new (or escalated, for a person who may approve) and not
     * claimed by someone else; ends the claim. Returns the assessment id.
     */
    public long assess(Reviewer r, long caseId, Assessment input) {
        Assessment a = input.validated();
        return jdbi.inTransaction(h -> {
            Case c = lockCase(h, caseId);
            requireQueue(h, r.user(), c.queueId());
            boolean escalated = c.state() == CaseState.ESCALATED;
            if (c.state() != CaseState.NEW && !(escalated && mayDecideEscalated(h, r.user()))) {
                throw ApiException.conflict("state", "Case " + caseId + " is " + c.state().id()
                        + (escalated ? ": a supervisor or senior analyst decides escalated cases" : " and not open "
                        + "for assessment"));
            }
            if (!takeClaim(h, r, caseId)) {
                throw claimedByOther(h, caseId);
            }
            boolean escalate = a.outcome().equals(Assessment.ESCALATE);
            boolean needsApproval = !escalate
                    && ReviewSettings.approvalOutcomes(h, c.unitId()).contains(a.outcome());
            Map<String, Object> payload = new HashMap<>();
            payload.put("outcome", a.outcome());
            payload.put("categories", a.categories());
            payload.put("entity", a.entity());
            payload.put("severity", a.severity());
            payload.put("contentType", a.contentType());
            payload.put("reason", a.reason());
            payload.put("question", a.question());
            payload.put("note", a.note());
            payload.put("needsApproval", needsApproval);
            h.execute("DELETE FROM review_claims WHERE case_id = ?", caseId);
            long event = log.append(h, r.actor(), caseId, escalate ? "escalated" : "assessed", payload, null);
            return h.createQuery("""
                            INSERT INTO review_assessments (case_id, event_id, assessor_id, outcome, categories, entity,
                                severity, content_type, reason, question, note, needs_approval)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .bind(0, caseId).bind(1, event).bind(2, r.id()).bind(3, a.outcome())
                    .bind(4, a.categories().toArray(new String[0])).bind(5, a.entity()).bind(6, a.severity())
                    .bind(7, a.contentType()).bind(8, a.reason()).bind(9, a.question()).bind(10, a.note())
                    .bind(11, needsApproval).mapTo(Long.class).one();
        });
    }

    /**
     * The second pair of eyes agrees with the assessment awaiting approval. Refused to its assessor, to anyone
     * without the right to approve, and while a hold is in force on the case or an actor of its items.
     */
    public void approve(Reviewer r, long caseId, String comment) {
        jdbi.useTransaction(h -> {
            holds.expireDue(h);
            Case c = lockCase(h, caseId);
            PendingAssessment a = pending(h, r, c);
            if (a.outcome().equals(Assessment.TERRORIST)) {
                Holds.requireNone(h, caseId, r.user().unitId());
            }
            long approval = decide(h, r, a, "approved", text("comment", comment));
            log.append(h, r.actor(), caseId, "approved", Map.of("outcome", a.outcome(), "assessmentId", a.id(),
                    "approvalId", approval, "comment", text("comment", comment)), null);
        });
    }

    /** Sends the case back to the queue with a comment for the assessor. */
    public void reject(Reviewer r, long caseId, String comment) {
        String why = text("comment", comment);
        if (why.isEmpty()) {
            throw ApiException.badRequest("comment", "Say why the assessment is sent back");
        }
        jdbi.useTransaction(h -> {
            Case c = lockCase(h, caseId);
            PendingAssessment a = pending(h, r, c);
            long approval = decide(h, r, a, "rejected", why);
            log.append(h, r.actor(), caseId, "approval_rejected", Map.of("assessmentId", a.id(), "approvalId",
                    approval, "comment", why), null);
        });
    }

    public void comment(Reviewer r, long caseId, String text) {
        String t = text("text", text);
        if (t.isEmpty()) {
            throw ApiException.badRequest("text", "Write the comment");
        }
        jdbi.useTransaction(h -> {
            lockCase(h, caseId);
            log.append(h, r.actor(), caseId, "commented", Map.of("text", t), null);
        });
    }

    /**
     * Notes on a case, in the caller's transaction, what a removal order did with its items: {@code order_issued}
     * or {@code order_breached} (the order's one-hour deadline passed: an escalation for the case's people). The
     * workflow state stays; the removal order feature (org.openiru.referral.order) says what in the payload.
     */
    public void noteOrder(Handle h, Actor who, long caseId, String kind, Map<String, Object> payload) {
        if (!kind.equals("order_issued") && !kind.equals("order_breached")) {
            throw new IllegalArgumentException("Not an order event of a case: " + kind);
        }
        log.append(h, who, caseId, kind, payload, null);
    }

    /** A bulk action as asked: {@code confirmCount} must repeat the number of cases the person saw. */
    public record Bulk(List<Long> caseIds, String action, String reason, String queue, Integer confirmCount) {
    }

    public static final List<String> BULK_ACTIONS = List.of("close", "reopen", "route");

    public record BulkResult(UUID batchId, int count) {
    }

    /**
     * Closes, reopens or routes up to {@link #BULK_CAP} cases in one transaction, all or nothing; every event
     * carries the batch id and the reason.
     */
    public BulkResult bulk(Reviewer r, Bulk in) {
        List<Long> ids = distinct("caseIds", in.caseIds());
        if (ids.isEmpty()) {
            throw ApiException.badRequest("caseIds", "Choose the cases");
        }
        if (ids.size() > BULK_CAP) {
            throw ApiException.badRequest("caseIds", "A bulk action takes at most " + BULK_CAP + " cases, not "
                    + ids.size());
        }
        if (!BULK_ACTIONS.contains(in.action())) {
            throw ApiException.badRequest("action", "action must be one of " + String.join(", ", BULK_ACTIONS));
        }
        String reason = text("reason", in.reason());
        if (reason.isEmpty()) {
            throw ApiException.badRequest("reason", "A bulk action needs a reason");
        }
        if (in.confirmCount() == null || in.confirmCount() != ids.size()) {
            throw ApiException.badRequest("confirmCount", "Confirm the number of cases: " + ids.size());
        }
        UUID batch = UUID.randomUUID();
        jdbi.useTransaction(h -> {
            Queue target = "route".equals(in.action()) ? queues(h).stream()
                    .filter(q -> q.name().equals(in.queue())).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("queue", "No queue named " + in.queue())) : null;
            for (long id : ids) {
                Case c = lockCase(h, id);
                Map<String, Object> payload = new HashMap<>();
                payload.put("reason", reason);
                switch (in.action()) {
                    case "close" -> {
                        if (c.state() == CaseState.CLOSED || c.state() == CaseState.REFERRED) {
                            throw ApiException.conflict("caseIds", "Case " + id + " is " + c.state().id()
                                    + " and cannot be closed");
                        }
                        h.execute("DELETE FROM review_claims WHERE case_id = ?", id);
                        log.append(h, r.actor(), id, "closed", payload, batch);
                    }
                    case "reopen" -> {
                        if (c.state() != CaseState.CLOSED && c.state() != CaseState.NOT_ACTIONABLE) {
                            throw ApiException.conflict("caseIds", "Case " + id + " is " + c.state().id()
                                    + ": only closed or not actionable cases are reopened");
                        }
                        log.append(h, r.actor(), id, "reopened", payload, batch);
                    }
                    default -> {
                        h.execute("UPDATE review_cases SET queue_id = ? WHERE id = ?", target.id(), id);
                        payload.put("queue", target.name());
                        log.append(h, r.actor(), id, "routed", payload, batch);
                    }
                }
            }
        });
        return new BulkResult(batch, ids.size());
    }

    /**
     * Records, in the caller's transaction, that approved cases of the actor's unit were referred to their
     * platforms: one {@code referred} event per case with its payload (the referral feature says what went
     * where). Refused when a case is not approved or is held; the cases are locked in id order.
     */
    public void markReferred(Handle h, Actor who, Map<Long, Map<String, Object>> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        Long[] ids = payloads.keySet().stream().sorted().toArray(Long[]::new);
        List<String> wrong = h.createQuery("""
                        SELECT id || ' is ' || state FROM review_cases WHERE id = ANY(?) ORDER BY id FOR UPDATE""")
                .bind(0, ids).mapTo(String.class).list().stream().filter(s -> !s.endsWith(" is approved")).toList();
        if (!wrong.isEmpty()) {
            throw ApiException.conflict("caseIds", "Only approved cases are referred: case " + wrong.get(0));
        }
        Holds.requireNone(h, List.of(ids), who.unitId() == null ? -1 : who.unitId());
        log.appendAll(h, who, "referred", payloads);
    }

    /** The case row's facts that decisions need. */
    record Case(long id, long unitId, long queueId, CaseState state, boolean graphic) {
    }

    static Case requireCase(Handle h, long caseId) {
        return h.createQuery("SELECT id, unit_id, queue_id, state, graphic FROM review_cases WHERE id = ?")
                .bind(0, caseId).map((rs, c) -> new Case(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        CaseState.of(rs.getString(4)), rs.getBoolean(5)))
                .findOne().orElseThrow(() -> ApiException.notFound("Case " + caseId));
    }

    /** Locks the case row: every change to one case goes through this lock, one after the other. */
    private static Case lockCase(Handle h, long caseId) {
        h.createQuery("SELECT id FROM review_cases WHERE id = ? FOR UPDATE").bind(0, caseId).mapTo(Long.class)
                .findOne().orElseThrow(() -> ApiException.notFound("Case " + caseId));
        return requireCase(h, caseId);
    }

    private static Queue requireQueue(Handle h, User u, long queueId) {
        Queue q = queues(h).stream().filter(x -> x.id() == queueId).findFirst()
                .orElseThrow(() -> ApiException.notFound("Queue " + queueId));
        if (!q.allows(u)) {
            throw ApiException.forbidden("Queue " + q.name() + " is not open to you");
        }
        return q;
    }

    /**
     * Takes the claim on a locked case for the reviewer (renewing their own), after recording the expiry of a
     * claim that ran out. False when someone else holds a claim in force.
     */
    private boolean takeClaim(Handle h, Reviewer r, long caseId) {
        Optional<Map<String, Object>> held = h.createQuery("""
                        SELECT user_id, expires_at > now() AS live FROM review_claims WHERE case_id = ?""")
                .bind(0, caseId).mapToMap().findOne();
        if (held.isPresent()) {
            long holder = ((Number) held.get().get("user_id")).longValue();
            boolean live = (Boolean) held.get().get("live");
            if (live && holder != r.id()) {
                return false;
            }
            if (live) {
                renewIn(h, caseId);
                return true;
            }
            h.execute("DELETE FROM review_claims WHERE case_id = ?", caseId);
            log.append(h, Actor.system("claim-expiry"), caseId, "claim_expired", Map.of("userId", holder), null);
        }
        h.createUpdate("""
                        INSERT INTO review_claims (case_id, user_id, expires_at)
                        VALUES (?, ?, now() + CAST(? AS interval))""")
                .bind(0, caseId).bind(1, r.id()).bind(2, claimTtl.toSeconds() + " seconds").execute();
        log.append(h, r.actor(), caseId, "claimed", Map.of("until", Instant.now().plus(claimTtl)
                .truncatedTo(ChronoUnit.SECONDS).toString()), null);
        return true;
    }

    private void renewIn(Handle h, long caseId) {
        h.createUpdate("UPDATE review_claims SET expires_at = now() + CAST(? AS interval) WHERE case_id = ?")
                .bind(0, claimTtl.toSeconds() + " seconds").bind(1, caseId).execute();
    }

    private static ApiException claimedByOther(Handle h, long caseId) {
        return h.createQuery("""
                        SELECT u.username, cl.expires_at FROM review_claims cl JOIN users u ON u.id = cl.user_id
                        WHERE cl.case_id = ?""").bind(0, caseId)
                .map((rs, c) -> new ApiException(409, "claimed", "Case " + caseId + " is being reviewed by "
                        + rs.getString(1) + " until " + rs.getObject(2, OffsetDateTime.class)
                        .withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), null)).one();
    }

    private static boolean mayDecideEscalated(Handle h, User u) {
        return ReviewSettings.mayApprove(h, u);
    }

    /** The assessment awaiting approval, after the four-eyes and right-to-approve checks. */
    private record PendingAssessment(long id, long assessorId, String outcome) {
    }

    private static PendingAssessment pending(Handle h, Reviewer r, Case c) {
        if (c.state() != CaseState.ASSESSED) {
            throw ApiException.conflict("state", "Case " + c.id() + " is " + c.state().id()
                    + ": only an assessment awaiting approval can be approved or sent back");
        }
        PendingAssessment a = h.createQuery("""
                        SELECT id, assessor_id, outcome FROM review_assessments WHERE case_id = ?
                        ORDER BY id DESC LIMIT 1""").bind(0, c.id())
                .map((rs, x) -> new PendingAssessment(rs.getLong(1), rs.getLong(2), rs.getString(3))).one();
        if (a.assessorId() == r.id()) {
            throw new ApiException(403, "four_eyes", "You assessed case " + c.id()
                    + ": another person must approve or send back your assessment (four eyes)", null);
        }
        if (!ReviewSettings.mayApprove(h, r.user())) {
            throw ApiException.forbidden("Approving needs the supervisor role or the senior analyst flag");
        }
        return a;
    }

    private static long decide(Handle h, Reviewer r, PendingAssessment a, String decision, String comment) {
        return h.createQuery("""
                        INSERT INTO review_approvals (assessment_id, approver_id, decision, comment)
                        VALUES (?, ?, ?, ?) RETURNING id""")
                .bind(0, a.id()).bind(1, r.id()).bind(2, decision).bind(3, comment).mapTo(Long.class).one();
    }

    /** The ids once each, in the order given; a null in the list is the caller's error, named. */
    private static List<Long> distinct(String field, List<Long> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.badRequest(field, field + " must hold whole numbers, not null");
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static String text(String field, String s) {
        String v = s == null ? "" : s.strip();
        if (v.length() > MAX_TEXT) {
            throw ApiException.badRequest(field, field + " is longer than " + MAX_TEXT + " characters");
        }
        return v;
    }
}
