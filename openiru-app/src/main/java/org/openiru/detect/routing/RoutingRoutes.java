package org.openiru.detect.routing;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.platform.Platforms;
import org.openiru.review.Review;
import org.openiru.review.ReviewViews;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/**
 * The routing rules page (unit staff read it; supervisors and administrators add, change, reorder, enable and
 * disable rules) and its API. Each rule is shown with its queue's counters from the review desk.
 */
public final class RoutingRoutes {
    private static final Role[] EDITORS = {Role.ADMIN, Role.SUPERVISOR};
    private final RoutingRules rules;
    private final Review review;
    private final Platforms platforms;
    private final Pages pages;
    private final Authenticator auth;

    public RoutingRoutes(RoutingRules rules, Review review, Platforms platforms, Pages pages, Authenticator auth) {
        this.rules = rules;
        this.review = review;
        this.platforms = platforms;
        this.pages = pages;
        this.auth = auth;
    }

    public void register(Routes r) {
        r.tag("detect")
                .get("/detect/routing", "Routing rules: which queue a case detection opens goes to, first match wins",
                        ctx -> page(ctx, null, null), Role.UNIT_STAFF)
                .post("/detect/routing/rules", "Add a routing rule (after the last)", ctx -> edit(ctx, null,
                        () -> rules.add(auth.actor(ctx), input(ctx))), EDITORS)
                .post("/detect/routing/rules/{id}", "Change a routing rule", ctx -> edit(ctx, Params.id(ctx),
                        () -> rules.update(auth.actor(ctx), Params.id(ctx), input(ctx))), EDITORS)
                .post("/detect/routing/rules/{id}/move", "Move a rule up or down (direction=up|down)",
                        ctx -> edit(ctx, Params.id(ctx), () -> rules.move(auth.actor(ctx), Params.id(ctx),
                                direction(ctx.formParam("direction")))), EDITORS)
                .post("/detect/routing/rules/{id}/enabled", "Enable (enabled=true) or disable a rule",
                        ctx -> edit(ctx, Params.id(ctx), () -> rules.setEnabled(auth.actor(ctx), Params.id(ctx),
                                "true".equals(ctx.formParam("enabled")))), EDITORS)
                .get("/api/v1/detect/routing/rules", "The routing rules in order", ctx -> ctx.json(rules.list()),
                        Role.UNIT_STAFF)
                .post("/api/v1/detect/routing/rules", "Add a routing rule", ctx -> ctx.status(201).json(rules.add(
                        auth.actor(ctx), ctx.bodyAsClass(RoutingRule.Input.class))), EDITORS)
                .put("/api/v1/detect/routing/rules/{id}", "Change a routing rule", ctx -> ctx.json(rules.update(
                        auth.actor(ctx), Params.id(ctx), ctx.bodyAsClass(RoutingRule.Input.class))), EDITORS);
    }

    private static boolean direction(String d) {
        if (!"up".equals(d) && !"down".equals(d)) {
            throw ApiException.badRequest("direction", "direction must be up or down");
        }
        return "up".equals(d);
    }

    private RoutingRule.Input input(Context ctx) {
        Integer platform = number(ctx, "platformId");
        return new RoutingRule.Input(ctx.formParam("name"), ctx.formParam("queue"), ctx.formParam("reason"),
                number(ctx, "minPriority"), number(ctx, "maxPriority"), ctx.formParam("label"),
                platform == null ? null : platform.longValue(), ctx.formParam("language"), ctx.formParam("mediaType"),
                ctx.formParam("sourceKind"), number(ctx, "sampleEvery"), "on".equals(ctx.formParam("enabled")));
    }

    /** A form field as a whole number, null when empty; the range is the rule's to check. */
    private static Integer number(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number");
        }
    }

    private interface Edit {
        RoutingRule run();
    }

    /** Runs a change from the page's forms; a refused change shows the page again with the error by its rule. */
    private void edit(Context ctx, Long ruleId, Edit edit) {
        try {
            RoutingRule r = edit.run();
            ctx.redirect("/detect/routing?saved=" + r.id() + "#rule-" + r.id());
        } catch (ApiException e) {
            ctx.status(e.status());
            page(ctx, e, ruleId);
        }
    }

    private void page(Context ctx, ApiException error, Long errorRule) {
        var user = auth.require(ctx).user();
        Map<String, Object> m = new HashMap<>();
        m.put("rules", rules.list());
        m.put("queues", review.cases.queues().stream().map(q -> new ReviewViews.QueueView(q,
                review.queries.counters(q.id()), q.allows(user))).toList());
        m.put("platforms", platforms.list());
        m.put("labels", RoutingRule.LABELS);
        m.put("kinds", RoutingRule.SOURCE_KINDS);
        m.put("error", error);
        m.put("errorRule", errorRule);
        m.put("saved", Params.longQuery(ctx, "saved"));
        pages.render(ctx, "detect/routing.jte", m);
    }
}
