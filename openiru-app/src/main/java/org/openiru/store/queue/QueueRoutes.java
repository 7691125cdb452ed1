package org.openiru.store.queue;

import io.javalin.http.Context;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.RequestIds;
import org.openiru.web.Routes;

/** The administrators' view of the work queues, and retry or discard of dead jobs. */
public final class QueueRoutes {
    private static final int DEAD_SHOWN = 100;
    private final QueueAdmin admin;
    private final Pages pages;
    private final Authenticator auth;

    public QueueRoutes(QueueAdmin admin, Pages pages, Authenticator auth) {
        this.admin = admin;
        this.pages = pages;
        this.auth = auth;
    }

    public void register(Routes r) {
        r.tag("queues")
                .get("/admin/queues", "Work queues and dead jobs", ctx -> pages.render(ctx, "queue/list.jte",
                        Map.of("queues", admin.stats(), "dead", admin.deadJobs(DEAD_SHOWN))), Role.ADMIN)
                .post("/admin/queues/jobs/{id}/retry", "Run a dead job again with fresh attempts", ctx -> {
                    admin.retry(auth.require(ctx).actor(RequestIds.of(ctx)), Params.id(ctx));
                    ctx.redirect("/admin/queues");
                }, Role.ADMIN)
                .post("/admin/queues/jobs/{id}/discard", "Give up on a dead job", ctx -> {
                    admin.discard(auth.require(ctx).actor(RequestIds.of(ctx)), Params.id(ctx));
                    ctx.redirect("/admin/queues");
                }, Role.ADMIN)
                .get("/api/v1/admin/queues", "Work queue counts and dead jobs", this::api, Role.ADMIN);
    }

    private void api(Context ctx) {
        ctx.json(Map.of("queues", admin.stats(), "dead", admin.deadJobs(DEAD_SHOWN)));
    }
}
