package org.openiru.referral;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
 * The platform portal: a platform's staff see their platform's referrals and removal orders and answer them per
 * item, on pages or through the API with a token. Every read and write is bound to the user's platform; another
 * platform's referral is not found (404), so ids reveal nothing.
 */
final class PortalRoutes {
    private static final int LIST = 200;
    private final Referral referral;
    private final Platforms platforms;
    private final Pages pages;
    private final Authenticator auth;

    PortalRoutes(Referral referral, Platforms platforms, Pages pages, Authenticator auth) {
        this.referral = referral;
        this.platforms = platforms;
        this.pages = pages;
        this.auth = auth;
    }

    void register(Routes r) {
        r.tag("portal")
                .get("/portal", "Your platform's referrals and removal orders, newest first", this::listPage,
                        Role.PLATFORM)
                .get("/portal/referrals/{id}", "One referral or order of your platform, with a form per item",
                        ctx -> referralPage(ctx, Params.id(ctx), null), Role.PLATFORM)
                .post("/portal/referrals/{id}/answers", "Answer items of the referral (one, or all selected)",
                        this::answerFromForm, Role.PLATFORM)
                .get("/api/v1/platform/referrals", "Your platform's open referrals and orders with their items, "
                        + "newest first (before, limit)", this::openReferrals, Role.PLATFORM)
                .post("/api/v1/platform/answers", "Answer items: {answers:[{referralItemId, answer, reasonCode, "
                        + "reason, actedAt}]}, all or nothing", ctx -> {
                    Answers.Batch b = ctx.bodyAsClass(Answers.Batch.class);
                    List<Long> ids = referral.answers.record(auth.actor(ctx), platformOf(ctx), b.answers(), "api");
                    ctx.status(201).json(Map.of("answerIds", ids));
                }, Role.PLATFORM);
    }

    private void listPage(Context ctx) {
        long platform = platformOf(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("platform", platforms.get(platform));
        m.put("rows", referral.queries.list(new ReferralQueries.Filter(null, platform, null, null, null), LIST));
        pages.render(ctx, "portal/list.jte", m);
    }

    private void referralPage(Context ctx, long id, ApiException error) {
        long platform = platformOf(ctx);
        ReferralQueries.Detail d = referral.queries.detail(id, null, platform)
                .orElseThrow(() -> ApiException.notFound("Referral " + id));
        if (d.row().receivedAt() == null) {
            referral.answers.stampReceipt(auth.actor(ctx), platform, id, "portal");
            d = referral.queries.detail(id, null, platform).orElseThrow();
        }
        Map<String, Object> m = new HashMap<>();
        m.put("d", d);
        m.put("error", error);
        m.put("saved", ctx.queryParam("saved") != null);
        pages.render(ctx, "portal/referral.jte", m);
    }

    /** Answers the items ticked (or the one item of a row's form) with the same answer. */
    private void answerFromForm(Context ctx) {
        long id = Params.id(ctx);
        long platform = platformOf(ctx);
        referral.queries.row(id, null, platform).orElseThrow(() -> ApiException.notFound("Referral " + id));
        List<Answers.Answer> answers = new ArrayList<>();
        try {
            String acted = actedAt(ctx.formParam("actedAt"));
            for (String item : ctx.formParams("item")) {
                answers.add(new Answers.Answer((long) Params.positiveInt("item", item, Integer.MAX_VALUE),
                        ctx.formParam("answer"), ctx.formParam("reasonCode"), ctx.formParam("reason"), acted));
            }
            if (answers.isEmpty()) {
                throw ApiException.badRequest("item", "Tick the items to answer");
            }
            referral.answers.record(auth.actor(ctx), platform, answers, "portal");
        } catch (ApiException e) {
            ctx.status(e.status());
            referralPage(ctx, id, e);
            return;
        }
        ctx.redirect("/portal/referrals/" + id + "?saved=" + answers.size());
    }

    /** The form's date and time field is UTC without a zone (datetime-local); the API takes ISO-8601 with one. */
    private static String actedAt(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(v.strip()).atOffset(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("actedAt", "The time of the action must be a date and time like "
                    + "2026-12-01T21:05 (UTC)");
        }
    }

    private void openReferrals(Context ctx) {
        long platform = platformOf(ctx);
        int limit = Params.intQuery(ctx, "limit", 10, 1, 100);
        ReferralQueries.Filter open = new ReferralQueries.Filter(null, platform, null, "open",
                Params.longQuery(ctx, "before"));
        List<ReferralQueries.Row> rows = referral.queries.list(open, limit);
        List<ReferralQueries.Row> unreceived = rows.stream().filter(r -> r.receivedAt() == null).toList();
        for (ReferralQueries.Row row : unreceived) {
            referral.answers.stampReceipt(auth.actor(ctx), platform, row.id(), "api");
        }
        List<ReferralQueries.Detail> out = referral.queries.details(unreceived.isEmpty() ? rows
                : referral.queries.list(open, limit));
        Map<String, Object> body = new HashMap<>();
        body.put("referrals", out);
        body.put("next", out.size() < limit ? null : "/api/v1/platform/referrals?before=" + out.get(out.size() - 1)
                .row().id());
        ctx.json(body);
    }

    private long platformOf(Context ctx) {
        User u = auth.require(ctx).user();
        if (u.platformId() == null) {
            throw ApiException.forbidden("Only a platform's staff use the portal");
        }
        return u.platformId();
    }
}
