package org.openiru.app;

import java.util.List;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.web.Access;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/** The start page after login: who you are, and the size of what this deployment holds. */
public final class HomeRoutes {
    private final OpenIru app;
    private final Pages pages;
    private final Authenticator auth;

    HomeRoutes(OpenIru app, Pages pages, Authenticator auth) {
        this.app = app;
        this.pages = pages;
        this.auth = auth;
    }

    /** What the start page shows. {@code platformName} is set for platform users, who see only that. */
    public record Summary(String unitName, List<String> roles, String platformName, long platforms, long units,
                          long users, long auditEvents) {
    }

    void register(Routes r) {
        r.tag("home").get("/", "Start page", ctx -> {
            User u = auth.require(ctx).user();
            String unit = app.units.find(u.unitId()).map(x -> x.name()).orElse("");
            List<String> roles = u.roles().stream().map(Role::id).sorted().toList();
            Summary s;
            if (u.has(Role.PLATFORM)) {
                s = new Summary(unit, roles, app.platforms.get(u.platformId()).name(), 0, 0, 0, 0);
            } else {
                s = app.db.jdbi().withHandle(h -> h.createQuery("""
                                SELECT (SELECT count(*) FROM platforms), (SELECT count(*) FROM units),
                                       (SELECT count(*) FROM users), (SELECT count(*) FROM audit_events)""")
                        .map((rs, c) -> new Summary(unit, roles, null, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                rs.getLong(4))).one());
            }
            pages.render(ctx, "home.jte", Map.of("summary", s));
        }, Access.ANY_USER);
    }
}
