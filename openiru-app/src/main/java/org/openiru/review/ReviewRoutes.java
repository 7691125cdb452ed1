package org.openiru.review;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.detect.ItemScores;
import org.openiru.signals.SignalMatcher;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.RequestIds;
import org.openiru.web.Routes;

/**
 * Pages and API of the review desk. Platform users have no route here. Pages and API call the same service
 * methods, so the same checks (queue access, claims, four eyes, holds) apply to both.
 */
final class ReviewRoutes {
    private static final Role[] READERS = Role.UNIT_STAFF;
    private static final Role[] OPENERS = {Role.ADMIN, Role.SUPERVISOR, Role.ANALYST, Role.TRIAGE};
    private static final Role[] WORKERS = {Role.SUPERVISOR, Role.ANALYST};
    private static final Role[] MANAGERS = {Role.ADMIN, Role.SUPERVISOR};
    private static final int LIST = 200;

    private final Review review;
    private final Users users;
    private final SignalMatcher signals;
    private final ItemScores scores;
    private final Pages pages;
    private final Authenticator auth;

    ReviewRoutes(Review review, Users users, SignalMatcher signals, ItemScores scores, Pages pages,
                 Authenticator auth) {
        this.review = review;
        this.users = users;
        this.signals = signals;
        this.scores = scores;
        this.pages = pages;
        this.auth = auth;
    }

    void register(Routes r) {
        r.tag("review")
                .get("/review", "The desk: queues with their counters, your exposure today", this::deskPage, READERS)
                .get("/review/queues/{id}", "A queue's cases by priority then age", this::queuePage, READERS)
                .post("/review/queues/{id}/next", "Start reviewing: claim the next case of the queue",
                        ctx -> nextPage(ctx, Params.id(ctx)), WORKERS)
                .get("/review/approvals", "Assessments awaiting approval and escalated cases", this::approvalsPage,
                        READERS)
                .post("/review/cases", "Open a case by hand from an item", this::openFromForm, OPENERS)
                .get("/review/cases/{id}", "One case: items, hits, actors, holds, timeline, assessment",
                        ctx -> casePage(ctx, Params.id(ctx), null), READERS)
                .post("/review/cases/{id}/claim", "Claim a case for review", ctx -> onCase(ctx,
                        id -> review.cases.claim(who(ctx), id)), WORKERS)
                .post("/review/cases/{id}/renew", "Keep your claim while you work (the page calls it)", ctx -> {
                    review.cases.renew(who(ctx), Params.id(ctx));
                    ctx.status(204);
                }, WORKERS)
                .post("/review/cases/{id}/release", "Give the case back (skip: and take the next one)",
                        this::releaseFromForm, WORKERS)
                .post("/review/cases/{id}/assess", "Assess the case (next: and take the next one)",
                        this::assessFromForm, WORKERS)
                .post("/review/cases/{id}/approve", "Approve another person's assessment", ctx -> onCase(ctx,
                        id -> review.cases.approve(who(ctx), id, ctx.formParam("comment"))), WORKERS)
                .post("/review/cases/{id}/reject", "Send an assessment back with a comment", ctx -> onCase(ctx,
                        id -> review.cases.reject(who(ctx), id, ctx.formParam("comment"))), WORKERS)
                .post("/review/cases/{id}/comment", "Add a note to the case", ctx -> onCase(ctx,
                        id -> review.cases.comment(who(ctx), id, ctx.formParam("text"))), WORKERS)
                .post("/review/cases/{id}/hold", "Hold the case (leave online for an investigation)",
                        ctx -> onCase(ctx, id -> review.holds.place(who(ctx), holdFromForm(ctx, id, null))), WORKERS)
                .post("/review/cases/{id}/actors/{actorId}/hold", "Hold an actor of the case",
                        ctx -> onCase(ctx, id -> review.holds.place(who(ctx), holdFromForm(ctx, null,
                                Params.longPath(ctx, "actorId")))), WORKERS)
                .post("/review/cases/{id}/holds/{holdId}/lift", "Lift your unit's hold", ctx -> onCase(ctx,
                        id -> review.holds.lift(who(ctx), Params.longPath(ctx, "holdId"))), WORKERS)
                .get("/review/settings", "How you see media on the desk", ctx -> settingsPage(ctx, null), READERS)
                .post("/review/settings", "Save how you see media", this::saveSettings, READERS)
                .get("/review/team", "Exposure of the unit's analysts today; approval settings", this::teamPage,
                        MANAGERS)
                .post("/review/team/users/{id}", "Set an analyst's senior flag and daily graphic cap",
                        this::saveAnalyst, MANAGERS)
                .post("/review/team/approval", "Choose which outcomes need approval in your unit", ctx -> {
                    review.settings.setApprovalOutcomes(who(ctx), new HashSet<>(ctx.formParams("outcome")));
                    ctx.redirect("/review/team");
                }, MANAGERS)
                .post("/review/bulk", "A bulk action on chosen cases: confirm the count, then run", this::bulkFromForm,
                        MANAGERS)
                .get("/api/v1/cases", "Cases by priority then age (filters: queue, state, item)", ctx -> ctx.json(
                        review.queries.list(filter(ctx), Params.intQuery(ctx, "limit", 50, 1, 500))), READERS)
                .get("/api/v1/cases/queues", "Queues with their counters", ctx -> ctx.json(queueViews(user(ctx))),
                        READERS)
                .get("/api/v1/cases/{id}", "One case with items, events, assessments, holds, conflicts",
                        ctx -> ctx.json(detail(ctx, Params.id(ctx))), READERS)
                .post("/api/v1/cases", "Open a case on items", ctx -> {
                    Reviewer w = who(ctx);
                    long id = review.cases.openFor(w.actor(), w.user().unitId(), ctx.bodyAsClass(Cases.NewCase.class));
                    ctx.status(201).json(detail(ctx, id));
                }, OPENERS)
                .post("/api/v1/cases/{id}/items", "Add an item to a case", ctx -> {
                    review.cases.addItem(who(ctx).actor(), Params.id(ctx), ctx.bodyAsClass(ItemBody.class).itemId());
                    ctx.json(detail(ctx, Params.id(ctx)));
                }, OPENERS)
                .post("/api/v1/cases/next", "Claim the next case of a queue (queue=<id>); 204 when none waits",
                        ctx -> {
                            Long queue = Params.longQuery(ctx, "queue");
                            if (queue == null) {
                                throw ApiException.badRequest("queue", "Name the queue: queue=<id>");
                            }
                            Optional<Long> next = review.cases.next(who(ctx), queue);
                            if (next.isEmpty()) {
                                ctx.status(204);
                            } else {
                                ctx.json(detail(ctx, next.get()));
                            }
                        }, WORKERS)
                .post("/api/v1/cases/{id}/claim", "Claim a case, or renew your claim", ctx -> {
                    review.cases.claim(who(ctx), Params.id(ctx));
                    ctx.json(review.queries.row(Params.id(ctx)).orElseThrow());
                }, WORKERS)
                .post("/api/v1/cases/{id}/release", "Give a claimed case back", ctx -> {
                    review.cases.release(who(ctx), Params.id(ctx), false);
                    ctx.status(204);
                }, WORKERS)
                .post("/api/v1/cases/{id}/assessment", "Assess a case", ctx -> ctx.status(201).json(Map.of(
                        "assessmentId", review.cases.assess(who(ctx), Params.id(ctx),
                                ctx.bodyAsClass(Assessment.class)))), WORKERS)
                .post("/api/v1/cases/{id}/approval", "Approve the assessment awaiting approval (four eyes)", ctx -> {
                    review.cases.approve(who(ctx), Params.id(ctx), ctx.bodyAsClass(Comment.class).comment());
                    ctx.json(review.queries.row(Params.id(ctx)).orElseThrow());
                }, WORKERS)
                .post("/api/v1/cases/{id}/rejection", "Send the assessment back with a comment", ctx -> {
                    review.cases.reject(who(ctx), Params.id(ctx), ctx.bodyAsClass(Comment.class).comment());
                    ctx.json(review.queries.row(Params.id(ctx)).orElseThrow());
                }, WORKERS)
                .post("/api/v1/cases/{id}/comments", "Add a note to a case", ctx -> {
                    review.cases.comment(who(ctx), Params.id(ctx), ctx.bodyAsClass(Comment.class).comment());
                    ctx.status(201);
                }, WORKERS)
                .post("/api/v1/cases/holds", "Hold a case or an actor (caseId or actorId, reason, until)",
                        ctx -> ctx.status(201).json(review.holds.place(who(ctx),
                                ctx.bodyAsClass(Holds.NewHold.class))), WORKERS)
                .post("/api/v1/cases/holds/{id}/lift", "Lift your unit's hold", ctx -> {
                    review.holds.lift(who(ctx), Params.id(ctx));
                    ctx.status(204);
                }, WORKERS)
                .post("/api/v1/cases/bulk", "Close, reopen or route up to 1,000 cases with a reason",
                        ctx -> ctx.json(review.cases.bulk(who(ctx), ctx.bodyAsClass(Cases.Bulk.class))), MANAGERS);
    }

    /** Body of the item route. */
    record ItemBody(Long itemId) {
        ItemBody {
            if (itemId == null) {
                throw ApiException.badRequest("itemId", "Give the itemId");
            }
        }
    }

    /** Body of approval, rejection and comments. */
    record Comment(String comment) {
    }

    private List<ReviewViews.QueueView> queueViews(User u) {
        return review.cases.queues().stream()
                .map(q -> new ReviewViews.QueueView(q, review.queries.counters(q.id()), q.allows(u))).toList();
    }

    private void deskPage(Context ctx) {
        User u = user(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("queues", queueViews(u));
        m.put("exposure", review.wellness.of(u.id()));
        m.put("awaiting", review.queries.awaitingDecision(LIST).size());
        m.put("empty", ctx.queryParam("empty") != null);
        pages.render(ctx, "review/desk.jte", m);
    }

    private void queuePage(Context ctx) {
        Cases.Queue q = review.cases.queue(Params.id(ctx));
        Map<String, Object> m = new HashMap<>();
        m.put("queue", q);
        m.put("open", q.allows(user(ctx)));
        m.put("counters", review.queries.counters(q.id()));
        m.put("rows", review.queries.list(new CaseQueries.Filter(q.id(), Params.query(ctx, "state"), null), LIST));
        m.put("queues", review.cases.queues());
        m.put("empty", ctx.queryParam("empty") != null);
        pages.render(ctx, "review/queue.jte", m);
    }

    private void nextPage(Context ctx, long queueId) {
        Optional<Long> next = review.cases.next(who(ctx), queueId);
        ctx.redirect(next.map(id -> "/review/cases/" + id).orElse("/review/queues/" + queueId + "?empty=1"));
    }

    private void approvalsPage(Context ctx) {
        Map<String, Object> m = new HashMap<>();
        m.put("rows", review.queries.awaitingDecision(LIST));
        m.put("mayApprove", review.settings.mayApprove(user(ctx)));
        pages.render(ctx, "review/approvals.jte", m);
    }

    private void openFromForm(Context ctx) {
        Reviewer w = who(ctx);
        long item = Params.positiveInt("itemId", String.valueOf(ctx.formParam("itemId")), Integer.MAX_VALUE);
        String priority = ctx.formParam("priority");
        long id = review.cases.openFor(w.actor(), w.user().unitId(), new Cases.NewCase(List.of(item),
                ctx.formParam("queue"), priority == null || priority.isBlank() ? null
                : Params.positiveInt("priority", priority, 100), ctx.formParam("title"),
                "on".equals(ctx.formParam("graphic"))));
        ctx.redirect("/review/cases/" + id);
    }

    /** Runs a change from a case page's form and shows the case again, with the error when it was refused. */
    private void onCase(Context ctx, CaseAction action) {
        long id = Params.id(ctx);
        try {
            action.run(id);
            ctx.redirect("/review/cases/" + id);
        } catch (ApiException e) {
            ctx.status(e.status());
            casePage(ctx, id, e);
        }
    }

    @FunctionalInterface
    private interface CaseAction {
        void run(long caseId);
    }

    private void releaseFromForm(Context ctx) {
        long id = Params.id(ctx);
        boolean skip = "1".equals(ctx.formParam("skip"));
        try {
            review.cases.release(who(ctx), id, skip);
        } catch (ApiException e) {
            ctx.status(e.status());
            casePage(ctx, id, e);
            return;
        }
        if (skip) {
            nextPage(ctx, queueOf(id));
        } else {
            ctx.redirect("/review/queues/" + queueOf(id));
        }
    }

    private void assessFromForm(Context ctx) {
        long id = Params.id(ctx);
        String severity = ctx.formParam("severity");
        Assessment a = new Assessment(ctx.formParam("outcome"), ctx.formParams("categories"),
                ctx.formParam("entity"), severity == null || severity.isBlank() ? null
                : Params.positiveInt("severity", severity, 4), ctx.formParam("contentType"),
                ctx.formParam("reason"), ctx.formParam("question"), ctx.formParam("note"));
        try {
            review.cases.assess(who(ctx), id, a);
        } catch (ApiException e) {
            ctx.status(e.status());
            casePage(ctx, id, e);
            return;
        }
        if ("1".equals(ctx.formParam("next"))) {
            nextPage(ctx, queueOf(id));
        } else {
            ctx.redirect("/review/cases/" + id);
        }
    }

    private long queueOf(long caseId) {
        String name = review.queries.row(caseId).orElseThrow(() -> ApiException.notFound("Case " + caseId)).queue();
        return review.cases.queues().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow().id();
    }

    private void casePage(Context ctx, long id, ApiException error) {
        User u = user(ctx);
        review.holds.expireDue();
        CaseQueries.CaseDetail d = detail(ctx, id);
        Map<String, List<SignalMatcher.Hit>> hits = new HashMap<>();
        d.items().forEach(i -> i.item().media().stream().filter(m -> m.sha256() != null)
                .forEach(m -> hits.computeIfAbsent(m.sha256(), signals::hitsOf)));
        // detection's score and reasons per item, and the other language for reasons written in it
        Map<Long, ItemScores.StoredScore> itemScores = new HashMap<>();
        d.items().forEach(i -> scores.find(i.item().row().id()).ifPresent(s -> itemScores.put(s.itemId(), s)));
        Map<String, Object> m = new HashMap<>();
        m.put("c", d);
        m.put("hits", hits);
        m.put("scores", itemScores);
        m.put("other", pages.messages(pages.context(ctx).lang().equals("ar") ? "en" : "ar"));
        m.put("error", error);
        m.put("media", review.settings.of(u.id()));
        m.put("mine", u.username().equals(d.row().claimedBy()));
        m.put("mayApprove", review.settings.mayApprove(u));
        m.put("exposure", review.wellness.of(u.id()));
        pages.render(ctx, "review/case.jte", m);
    }

    private void settingsPage(Context ctx, ApiException error) {
        Map<String, Object> m = new HashMap<>();
        m.put("s", review.settings.of(user(ctx).id()));
        m.put("error", error);
        m.put("saved", ctx.queryParam("saved") != null);
        pages.render(ctx, "review/settings.jte", m);
    }

    private void saveSettings(Context ctx) {
        try {
            review.settings.saveMedia(who(ctx), String.valueOf(ctx.formParam("blur")),
                    "on".equals(ctx.formParam("greyscale")), "on".equals(ctx.formParam("autoplayMuted")));
            ctx.redirect("/review/settings?saved=1");
        } catch (ApiException e) {
            ctx.status(e.status());
            settingsPage(ctx, e);
        }
    }

    private void teamPage(Context ctx) {
        User u = user(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("rows", review.wellness.ofUnit(u.unitId()));
        m.put("approvalOutcomes", review.settings.approvalOutcomes(u.unitId()));
        pages.render(ctx, "review/team.jte", m);
    }

    private void saveAnalyst(Context ctx) {
        long id = Params.id(ctx);
        User analyst = users.find(id).orElseThrow(() -> ApiException.notFound("User " + id));
        String cap = ctx.formParam("dailyGraphicCap");
        review.settings.saveAnalyst(who(ctx), analyst, "on".equals(ctx.formParam("seniorAnalyst")),
                cap == null || cap.isBlank() ? null : Params.positiveInt("dailyGraphicCap", cap, 1000));
        ctx.redirect("/review/team");
    }

    /** First post: the chosen cases and a confirmation page with their count; second post (confirmCount): run. */
    private void bulkFromForm(Context ctx) {
        List<Long> ids = new ArrayList<>();
        for (String s : ctx.formParams("caseId")) {
            ids.add((long) Params.positiveInt("caseId", s, Integer.MAX_VALUE));
        }
        String confirm = ctx.formParam("confirmCount");
        Cases.Bulk bulk = new Cases.Bulk(ids, ctx.formParam("action"), ctx.formParam("reason"),
                ctx.formParam("queue"), confirm == null ? null : Params.positiveInt("confirmCount", confirm,
                Integer.MAX_VALUE));
        Map<String, Object> m = new HashMap<>();
        m.put("bulk", bulk);
        m.put("queues", review.cases.queues());
        try {
            if (confirm != null) {
                m.put("result", review.cases.bulk(who(ctx), bulk));
            } else if (ids.size() > Cases.BULK_CAP) {
                throw ApiException.badRequest("caseIds", "A bulk action takes at most " + Cases.BULK_CAP + " cases");
            }
        } catch (ApiException e) {
            ctx.status(e.status());
            m.put("error", e);
        }
        m.putIfAbsent("result", null);
        m.putIfAbsent("error", null);
        pages.render(ctx, "review/bulk.jte", m);
    }

    private Holds.NewHold holdFromForm(Context ctx, Long caseId, Long actorId) {
        String until = ctx.formParam("until");
        Instant end;
        try {
            end = until == null || until.isBlank() ? null
                    : LocalDate.parse(until.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("until", "until must be a date like 2026-12-31");
        }
        return new Holds.NewHold(caseId, actorId, ctx.formParam("reason"), ctx.formParam("reference"),
                ctx.formParam("contact"), end);
    }

    private CaseQueries.CaseDetail detail(Context ctx, long id) {
        return review.queries.detail(id, user(ctx).unitId()).orElseThrow(() -> ApiException.notFound("Case " + id));
    }

    private static CaseQueries.Filter filter(Context ctx) {
        return new CaseQueries.Filter(Params.longQuery(ctx, "queue"), Params.query(ctx, "state"),
                Params.longQuery(ctx, "item"));
    }

    private User user(Context ctx) {
        return auth.require(ctx).user();
    }

    private Reviewer who(Context ctx) {
        return new Reviewer(user(ctx), RequestIds.of(ctx));
    }
}
