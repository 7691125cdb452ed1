package org.openiru.campaign;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openiru.app.Json;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.web.ApiException;
import org.openiru.web.PageContext;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/** Pages and API of action days and saved searches. Platform users never reach them. */
final class CampaignRoutes {
    private static final Role[] PLANNERS = {Role.ADMIN, Role.SUPERVISOR};
    private static final Role[] TARGETERS = {Role.ADMIN, Role.SUPERVISOR, Role.ANALYST};
    private final Campaign campaign;
    private final Pages pages;
    private final Authenticator auth;

    CampaignRoutes(Campaign campaign, Pages pages, Authenticator auth) {
        this.campaign = campaign;
        this.pages = pages;
        this.auth = auth;
    }

    void register(Routes r) {
        r.tag("action days")
                .get("/action-days", "Action days of your unit (auditors: all)", this::listPage, Role.UNIT_STAFF)
                .get("/action-days/new", "Form to plan an action day", ctx -> form(ctx, null, blank(), null), PLANNERS)
                .post("/action-days", "Plan an action day from the form", ctx -> save(ctx, null), PLANNERS)
                .get("/action-days/{id}/edit", "Form to change a planned action day", ctx -> {
                    ActionDay d = day(ctx);
                    form(ctx, d.id(), input(d), null);
                }, PLANNERS)
                .post("/action-days/{id}", "Change a planned action day from the form",
                        ctx -> save(ctx, Params.id(ctx)), PLANNERS)
                .post("/action-days/{id}/start", "Start the action day: referrals and orders are tagged from now",
                        ctx -> {
                            campaign.days.start(user(ctx), auth.actor(ctx), Params.id(ctx));
                            ctx.redirect("/action-days/" + Params.id(ctx) + "/board");
                        }, PLANNERS)
                .post("/action-days/{id}/close", "Close the running action day", ctx -> {
                    campaign.days.close(user(ctx), auth.actor(ctx), Params.id(ctx));
                    ctx.redirect("/action-days/" + Params.id(ctx) + "/board");
                }, PLANNERS)
                .get("/action-days/{id}", "The plan: scope not yet referred per platform, targets", this::planPage,
                        Role.UNIT_STAFF)
                .post("/action-days/{id}/targets", "Add target actors (repeated actor=<id>)", ctx -> {
                    List<Long> actors = ctx.formParams("actor").stream()
                            .map(a -> Params.longValue("actor", a.strip())).toList();
                    campaign.days.addTargets(user(ctx), auth.actor(ctx), Params.id(ctx), actors);
                    ctx.redirect("/action-days/" + Params.id(ctx) + "#targets");
                }, TARGETERS)
                .post("/action-days/{id}/targets/{actorId}/remove", "Remove a target actor", ctx -> {
                    campaign.days.removeTarget(user(ctx), auth.actor(ctx), Params.id(ctx),
                            Params.longPath(ctx, "actorId"));
                    ctx.redirect("/action-days/" + Params.id(ctx) + "#targets");
                }, TARGETERS)
                .get("/action-days/{id}/board", "The live board of the action day", this::boardPage, Role.UNIT_STAFF)
                .get("/action-days/{id}/board/live", "The live board's figures (the page polls this fragment)",
                        ctx -> pages.render(ctx, "campaign/board-live.jte", board(ctx, day(ctx))), Role.UNIT_STAFF)
                .get("/api/v1/action-days/{id}/board", "The live board's figures of the action day (totals, per "
                        + "platform, key actors, reappearances, timeline)", ctx -> ctx.json(campaign.figures.board(day(ctx))),
                        Role.UNIT_STAFF)
                .get("/api/v1/action-days/{id}/figures", "All figures of the action day, as the final report "
                        + "gives them (also per entity, content type, unit and kind)",
                        ctx -> ctx.json(campaign.figures.figures(day(ctx))), Role.UNIT_STAFF)
                .tag("saved searches")
                .get("/saved-searches", "Your unit's saved searches of the items page, with their counts",
                        ctx -> searchesPage(ctx, null), Role.UNIT_STAFF)
                .post("/saved-searches", "Save a search of the items page (name, query)", ctx -> {
                    try {
                        campaign.searches.save(user(ctx), auth.actor(ctx), ctx.formParam("name"),
                                ctx.formParam("query"));
                        ctx.redirect("/saved-searches");
                    } catch (ApiException e) {
                        ctx.status(e.status());
                        searchesPage(ctx, e);
                    }
                }, TARGETERS)
                .post("/saved-searches/{id}/delete", "Delete a saved search no action day uses", ctx -> {
                    campaign.searches.delete(user(ctx), auth.actor(ctx), Params.id(ctx));
                    ctx.redirect("/saved-searches");
                }, TARGETERS);
    }

    private User user(Context ctx) {
        return auth.require(ctx).user();
    }

    private ActionDay day(Context ctx) {
        return campaign.days.visible(user(ctx), Params.id(ctx));
    }

    private void listPage(Context ctx) {
        pages.render(ctx, "campaign/list.jte", Map.of("days", campaign.days.list(user(ctx))));
    }

    private void save(Context ctx, Long id) {
        ActionDays.Input in = fromForm(ctx);
        try {
            ActionDay d = id == null ? campaign.days.create(user(ctx), auth.actor(ctx), in)
                    : campaign.days.update(user(ctx), auth.actor(ctx), id, in);
            ctx.redirect("/action-days/" + d.id());
        } catch (ApiException e) {
            ctx.status(e.status());
            form(ctx, id, in, e);
        }
    }

    private void form(Context ctx, Long id, ActionDays.Input values, ApiException error) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("values", values);
        m.put("error", error);
        m.put("choices", campaign.days.choices(user(ctx).unitId()));
        pages.render(ctx, "campaign/form.jte", m);
    }

    private void planPage(Context ctx) {
        ActionDay d = day(ctx);
        User u = user(ctx);
        List<ActionDays.Target> targets = campaign.days.targets(d.id());
        Map<String, Object> m = new HashMap<>();
        m.put("day", d);
        m.put("targets", targets);
        m.put("plan", campaign.plans.plan(d, targets.stream().map(ActionDays.Target::actorId).toList()));
        m.put("platforms", names(campaign.days.choices(u.unitId()).platforms()));
        m.put("mayRun", ActionDays.mayRun(u, d));
        m.put("mayTarget", ActionDays.mayTarget(u, d) && !d.closed());
        pages.render(ctx, "campaign/plan.jte", m);
    }

    private void boardPage(Context ctx) {
        ActionDay d = day(ctx);
        Map<String, Object> m = board(ctx, d);
        m.put("mayRun", ActionDays.mayRun(user(ctx), d));
        pages.render(ctx, "campaign/board.jte", m);
    }

    private Map<String, Object> board(Context ctx, ActionDay d) {
        ActionDayFigures f = campaign.figures.board(d);
        PageContext p = pages.context(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("day", d);
        m.put("figures", f);
        m.put("bars", BoardCharts.bars(f.perPlatform()));
        m.put("timeline", Json.write(BoardCharts.timeline(f.timeline(), p.t("campaign.referred"),
                p.t("campaign.removed"))));
        return m;
    }

    private static Map<String, String> names(List<ActionDays.Choice> choices) {
        Map<String, String> m = new HashMap<>();
        choices.forEach(c -> m.put(c.key(), c.label()));
        return m;
    }

    private void searchesPage(Context ctx, ApiException error) {
        User u = user(ctx);
        List<SavedSearches.SavedSearch> list = campaign.searches.list(u.unitId());
        Map<Long, Long> counts = new HashMap<>();
        list.forEach(s -> counts.put(s.id(), campaign.searches.count(s)));
        Map<String, Object> m = new HashMap<>();
        m.put("searches", list);
        m.put("counts", counts);
        m.put("error", error);
        m.put("mayEdit", SavedSearches.mayEdit(u));
        m.put("name", ctx.formParam("name") == null ? "" : ctx.formParam("name"));
        m.put("query", ctx.formParam("query") == null ? "" : ctx.formParam("query"));
        pages.render(ctx, "campaign/searches.jte", m);
    }

    private static ActionDays.Input fromForm(Context ctx) {
        return new ActionDays.Input(ctx.formParam("name"), ctx.formParam("description"), ctx.formParam("startsAt"),
                ctx.formParam("endsAt"), longs(ctx, "units"), longs(ctx, "platforms"), ctx.formParams("entities"),
                longs(ctx, "queues"), longs(ctx, "savedSearches"));
    }

    private static List<Long> longs(Context ctx, String name) {
        return ctx.formParams(name).stream().filter(v -> !v.isBlank()).map(v -> Params.longValue(name, v.strip()))
                .toList();
    }

    private static ActionDays.Input blank() {
        return new ActionDays.Input("", "", "", "", List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static ActionDays.Input input(ActionDay d) {
        return new ActionDays.Input(d.name(), d.description(), local(d.startsAt()), local(d.endsAt()), d.unitIds(),
                d.platformIds(), d.entities(), d.queueIds(), d.savedSearchIds());
    }

    /** The datetime-local value of an instant, in UTC. */
    static String local(java.time.Instant at) {
        return at.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime().toString();
    }
}
