package org.openiru.app;

import java.util.List;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.dashboard.DashboardView;
import org.openiru.web.Access;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/**
 * The start page after login: for unit staff the unit dashboard (org.openiru.dashboard); platform users, who
 * see only their own platform, keep a page of their own.
 */
public final class HomeRoutes {
    private final OpenIru app;
    private final Pages pages;
    private final Authenticator auth;

    HomeRoutes(OpenIru app, Pages pages, Authenticator auth) {
        this.app = app;
        this.pages = pages;
        this.auth = auth;
    }

    /** Who you are: the heading of both start pages. */
    public record Summary(String unitName, List<String> roles) {
    }

    void register(Routes r) {
        r.tag("home").get("/", "Start page: the unit dashboard (platform users: their platform)", ctx -> {
            User u = auth.require(ctx).user();
            Summary s = new Summary(app.units.find(u.unitId()).map(x -> x.name()).orElse(""),
                    u.roles().stream().map(Role::id).sorted().toList());
            if (u.has(Role.PLATFORM)) {
                pages.render(ctx, "home.jte", Map.of("summary", s,
                        "platformName", app.platforms.get(u.platformId()).name()));
            } else {
                Long scope = DashboardView.scope(u);
                pages.render(ctx, "dashboard/dashboard.jte", Map.of("summary", s,
                        "figures", app.dashboard.figures(scope), "orders", app.dashboard.openOrders(scope)));
            }
        }, Access.ANY_USER);
    }
}
