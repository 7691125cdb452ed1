package org.openiru.verify;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.platform.Platforms;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/**
 * A referred item's status timeline, and the "gone" markers. Platform users have no route here: the timeline
 * shows the unit's checks, which are not theirs to see.
 */
final class VerifyRoutes {
    private static final Role[] EDITORS = {Role.ADMIN, Role.SUPERVISOR};
    private final Verify verify;
    private final Platforms platforms;
    private final Pages pages;
    private final Authenticator auth;

    VerifyRoutes(Verify verify, Platforms platforms, Pages pages, Authenticator auth) {
        this.verify = verify;
        this.platforms = platforms;
        this.pages = pages;
        this.auth = auth;
    }

    void register(Routes r) {
        r.tag("verify")
                .get("/verify/items/{id}", "A referred item's checks and the platform's answers, oldest first",
                        ctx -> pages.render(ctx, "verify/item.jte", Map.of("t", timeline(ctx))), Role.UNIT_STAFF)
                .get("/api/v1/referral-items/{id}/timeline", "A referred item's checks and answers, oldest first",
                        ctx -> ctx.json(timeline(ctx)), Role.UNIT_STAFF)
                .get("/verify/markers", "The signs that referred content is gone", ctx -> pages.render(ctx,
                        "verify/markers.jte", Map.of("markers", verify.markers.all(), "platforms", platforms.list())),
                        Role.UNIT_STAFF)
                .get("/verify/markers/new", "Form for a new gone marker", ctx -> form(ctx, null,
                        new MarkerBody(null, "*", "body", "", "", "", true), null), EDITORS)
                .post("/verify/markers", "Add a gone marker from the form", ctx -> save(ctx, null), EDITORS)
                .get("/verify/markers/{id}/edit", "Form to change a gone marker", ctx -> {
                    GoneMarker m = verify.markers.get(Params.id(ctx));
                    form(ctx, m.id(), new MarkerBody(m.platformId() == null ? null
                            : platforms.get(m.platformId()).slug(), m.hostPattern(), m.kind(), m.pattern(), m.label(),
                            m.note(), m.enabled()), null);
                }, EDITORS)
                .post("/verify/markers/{id}", "Change a gone marker from the form", ctx -> save(ctx, Params.id(ctx)),
                        EDITORS)
                .get("/api/v1/verify/markers", "The gone markers", ctx -> ctx.json(verify.markers.all()),
                        Role.UNIT_STAFF)
                .post("/api/v1/verify/markers", "Add a gone marker", ctx -> ctx.status(201).json(verify.markers
                        .create(auth.actor(ctx), input(ctx.bodyAsClass(MarkerBody.class)))), EDITORS)
                .put("/api/v1/verify/markers/{id}", "Change a gone marker", ctx -> ctx.json(verify.markers
                        .update(auth.actor(ctx), Params.id(ctx), input(ctx.bodyAsClass(MarkerBody.class)))), EDITORS);
    }

    private Timelines.Timeline timeline(Context ctx) {
        long id = Params.id(ctx);
        Timelines.Timeline t = verify.timelines.of(id)
                .filter(x -> UnitScope.mayRead(auth.require(ctx).user(), x.item().unitId()))
                .orElseThrow(() -> ApiException.notFound("Referred item " + id));
        return t;
    }

    private void save(Context ctx, Long id) {
        MarkerBody body = new MarkerBody(ctx.formParam("platform"), ctx.formParam("hostPattern"), ctx.formParam("kind"),
                ctx.formParam("pattern"), ctx.formParam("label"), ctx.formParam("note"),
                ctx.formParam("enabled") != null);
        try {
            GoneMarkers.Input in = input(body);
            if (id == null) {
                verify.markers.create(auth.actor(ctx), in);
            } else {
                verify.markers.update(auth.actor(ctx), id, in);
            }
            ctx.redirect("/verify/markers");
        } catch (ApiException e) {
            ctx.status(e.status());
            form(ctx, id, body, e);
        }
    }

    private GoneMarkers.Input input(MarkerBody b) {
        Long platformId = null;
        if (b.platform() != null && !b.platform().isBlank()) {
            platformId = platforms.findBySlug(b.platform().strip()).orElseThrow(() -> ApiException.badRequest(
                    "platform", "platform '" + b.platform().strip() + "' is not a known platform slug")).id();
        }
        return new GoneMarkers.Input(platformId, b.hostPattern(), b.kind(), b.pattern(), b.label(), b.note(),
                b.enabled() == null || b.enabled());
    }

    private void form(Context ctx, Long id, MarkerBody values, ApiException error) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("values", values);
        m.put("error", error);
        m.put("platforms", platforms.list());
        pages.render(ctx, "verify/marker.jte", m);
    }
}
