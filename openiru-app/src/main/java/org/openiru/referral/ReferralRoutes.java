package org.openiru.referral;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.platform.Platforms;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/**
 * The unit's side: approved cases ready to refer, referring them (pages and API), the referrals with their items,
 * answers and deliveries, and the reason templates. A unit sees its own referrals; administrators and auditors
 * see the deployment's.
 */
final class ReferralRoutes {
    private static final Role[] READERS = Role.UNIT_STAFF;
    private static final Role[] REFERRERS = {Role.SUPERVISOR, Role.ANALYST};
    private static final Role[] MANAGERS = {Role.ADMIN, Role.SUPERVISOR};
    private static final int LIST = 200;
    private final Referral referral;
    private final Platforms platforms;
    private final Pages pages;
    private final Authenticator auth;

    ReferralRoutes(Referral referral, Platforms platforms, Pages pages, Authenticator auth) {
        this.referral = referral;
        this.platforms = platforms;
        this.pages = pages;
        this.auth = auth;
    }

    void register(Routes r) {
        r.tag("referrals")
                .get("/referrals", "Referrals and removal orders of your unit (filters: platform, kind, status)",
                        this::listPage, READERS)
                .get("/referrals/ready", "Approved cases not yet referred, by platform", ctx -> readyPage(ctx, null),
                        READERS)
                .post("/referrals/ready", "Refer the chosen (or all) approved cases: confirm the counts, then run",
                        this::referFromForm, REFERRERS)
                .get("/referrals/templates", "The unit's reason templates in English and Arabic",
                        ctx -> templatesPage(ctx, null), READERS)
                .post("/referrals/templates", "Save a reason template of the unit", this::saveTemplate, MANAGERS)
                .get("/referrals/{id}", "One referral: items, the platform's answers, deliveries",
                        ctx -> pages.render(ctx, "referral/referral.jte", Map.of("d", detail(ctx, Params.id(ctx)))),
                        READERS)
                .get("/api/v1/referrals", "Referrals of your unit, newest first (platform, kind, status, before, "
                        + "limit)", ctx -> ctx.json(referral.queries.list(filter(ctx),
                        Params.intQuery(ctx, "limit", 50, 1, 500))), READERS)
                .get("/api/v1/referrals/{id}", "One referral with items, answers and deliveries",
                        ctx -> ctx.json(detail(ctx, Params.id(ctx))), READERS)
                .post("/api/v1/referrals", "Refer approved cases of your unit (caseIds, or all when absent)", ctx -> {
                    Body b = ctx.body().isBlank() ? new Body(null) : ctx.bodyAsClass(Body.class);
                    User u = user(ctx);
                    ctx.status(201).json(referral.referrals.referApproved(auth.actor(ctx), u.unitId(), b.caseIds()));
                }, REFERRERS);
    }

    /** The API's body: the cases to refer; none means every approved case of the unit. */
    record Body(List<Long> caseIds) {
    }

    private void listPage(Context ctx) {
        Map<String, Object> m = new HashMap<>();
        ReferralQueries.Filter f = filter(ctx);
        m.put("rows", referral.queries.list(f, LIST));
        m.put("filter", f);
        m.put("platforms", platforms.list());
        pages.render(ctx, "referral/list.jte", m);
    }

    private void readyPage(Context ctx, ApiException error) {
        User u = user(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("cases", referral.queries.ready(u.unitId(), Referrals.MAX_ITEMS));
        m.put("plan", referral.referrals.preview(u.unitId(), null));
        m.put("error", error);
        pages.render(ctx, "referral/ready.jte", m);
    }

    /** First post: the chosen cases and what referring them would do; second post (confirm): refer them. */
    private void referFromForm(Context ctx) {
        User u = user(ctx);
        List<Long> ids = new ArrayList<>();
        if (!"1".equals(ctx.formParam("all"))) {
            for (String s : ctx.formParams("caseId")) {
                ids.add((long) Params.positiveInt("caseId", s, Integer.MAX_VALUE));
            }
            if (ids.isEmpty()) {
                ctx.status(400);
                readyPage(ctx, ApiException.badRequest("caseIds", "Choose the cases to refer, or refer all"));
                return;
            }
        }
        Map<String, Object> m = new HashMap<>();
        m.put("caseIds", ids);
        try {
            if ("1".equals(ctx.formParam("confirm"))) {
                m.put("result", referral.referrals.referApproved(auth.actor(ctx), u.unitId(), ids));
                m.put("plan", null);
            } else {
                m.put("plan", referral.referrals.preview(u.unitId(), ids));
                m.put("result", null);
            }
        } catch (ApiException e) {
            ctx.status(e.status());
            readyPage(ctx, e);
            return;
        }
        pages.render(ctx, "referral/confirm.jte", m);
    }

    private void templatesPage(Context ctx, ApiException error) {
        Map<String, Object> m = new HashMap<>();
        m.put("templates", referral.templates.of(user(ctx).unitId()));
        m.put("error", error);
        m.put("saved", ctx.queryParam("saved") != null);
        pages.render(ctx, "referral/templates.jte", m);
    }

    private void saveTemplate(Context ctx) {
        try {
            referral.templates.save(auth.actor(ctx), user(ctx).unitId(), String.valueOf(ctx.formParam("language")),
                    ctx.formParam("body"));
            ctx.redirect("/referrals/templates?saved=1");
        } catch (ApiException e) {
            ctx.status(e.status());
            templatesPage(ctx, e);
        }
    }

    private ReferralQueries.Detail detail(Context ctx, long id) {
        return referral.queries.detail(id, scope(user(ctx)), null)
                .orElseThrow(() -> ApiException.notFound("Referral " + id));
    }

    private ReferralQueries.Filter filter(Context ctx) {
        String kind = Params.query(ctx, "kind");
        if (kind != null && !ReferralQueries.KINDS.contains(kind)) {
            throw ApiException.badRequest("kind", "kind must be one of " + String.join(", ", ReferralQueries.KINDS));
        }
        String status = Params.query(ctx, "status");
        if (status != null && !ReferralQueries.STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "status must be one of "
                    + String.join(", ", ReferralQueries.STATUSES));
        }
        return new ReferralQueries.Filter(scope(user(ctx)), Params.longQuery(ctx, "platform"), kind, status,
                Params.longQuery(ctx, "before"));
    }

    /** The unit whose referrals a person sees: their own, or all (null) for administrators and auditors. */
    private static Long scope(User u) {
        return u.has(Role.ADMIN) || u.has(Role.AUDITOR) ? null : u.unitId();
    }

    private User user(Context ctx) {
        return auth.require(ctx).user();
    }
}
