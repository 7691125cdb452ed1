package org.openiru.delivery;

import io.javalin.http.Context;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.platform.Platforms;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/** The delivery log (page and API) and "retry now" for dead letters. */
public final class DeliveryRoutes {
    private static final int SHOWN = 200;
    private static final Role[] READERS = {Role.ADMIN, Role.SUPERVISOR, Role.AUDITOR};
    private final Deliveries deliveries;
    private final Platforms platforms;
    private final Pages pages;
    private final Authenticator auth;

    public DeliveryRoutes(Deliveries deliveries, Platforms platforms, Pages pages, Authenticator auth) {
        this.deliveries = deliveries;
        this.platforms = platforms;
        this.pages = pages;
        this.auth = auth;
    }

    public void register(Routes r) {
        r.tag("deliveries")
                .get("/deliveries", "Delivery log: e-mails and webhooks with each attempt", this::page, READERS)
                .post("/deliveries/{id}/retry", "Send a dead delivery again with fresh tries", ctx -> {
                    deliveries.retry(auth.actor(ctx), Params.id(ctx));
                    ctx.redirect("/deliveries?status=pending");
                }, Role.ADMIN, Role.SUPERVISOR)
                .get("/api/v1/deliveries", "Deliveries, newest first, with their attempts "
                        + "(filters: status, channel, platform, limit)", ctx -> ctx.json(Map.of("deliveries",
                        deliveries.list(filter(ctx), Params.intQuery(ctx, "limit", 100, 1, 1000)))), READERS)
                .post("/api/v1/deliveries/{id}/retry", "Send a dead delivery again with fresh tries", ctx -> {
                    long id = Params.id(ctx);
                    deliveries.retry(auth.actor(ctx), id);
                    ctx.status(202).json(Map.of("id", id, "status", "pending"));
                }, Role.ADMIN, Role.SUPERVISOR);
    }

    private void page(Context ctx) {
        Deliveries.Filter f = filter(ctx);
        pages.render(ctx, "delivery/list.jte", Map.of("rows", deliveries.list(f, SHOWN), "filter", f,
                "counts", deliveries.counts(), "platforms", platforms.list()));
    }

    private static Deliveries.Filter filter(Context ctx) {
        return new Deliveries.Filter(Params.query(ctx, "status"), Params.query(ctx, "channel"),
                Params.longQuery(ctx, "platform"));
    }
}
