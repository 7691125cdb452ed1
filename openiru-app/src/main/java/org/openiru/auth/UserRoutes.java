package org.openiru.auth;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openiru.audit.Actor;
import org.openiru.platform.Platforms;
import org.openiru.unit.Units;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/**
 * User accounts for administrators: list, create (with a password shown once), deactivate. Platform users
 * are made here and bound to their platform.
 */
public final class UserRoutes {
    private final Users users;
    private final Units units;
    private final Platforms platforms;
    private final Pages pages;
    private final Authenticator auth;

    public UserRoutes(Users users, Units units, Platforms platforms, Pages pages, Authenticator auth) {
        this.users = users;
        this.units = units;
        this.platforms = platforms;
        this.pages = pages;
        this.auth = auth;
    }

    /** Body of {@code POST /api/v1/users}; {@code password} may be left out to have one made. */
    public record NewUserRequest(String username, String displayName, String email, String unit, List<String> roles,
                                 String platform, String language, String password) {
    }

    /** Body of {@code PUT /api/v1/users/{id}/active}. */
    public record ActiveRequest(boolean active) {
    }

    public void register(Routes r) {
        r.tag("users")
                .get("/users", "List user accounts", ctx -> listPage(ctx, null, null), Role.ADMIN)
                .post("/users", "Create a user from the form", this::createFromForm, Role.ADMIN)
                .post("/users/{id}/active", "Activate or deactivate a user from the form", ctx -> {
                    users.setActive(auth.actor(ctx), Params.id(ctx), "true".equals(ctx.formParam("active")));
                    ctx.redirect("/users");
                }, Role.ADMIN)
                .get("/api/v1/users", "List user accounts", ctx -> ctx.json(users.list().stream()
                        .map(AuthRoutes::me).toList()), Role.ADMIN)
                .post("/api/v1/users", "Create a user; the answer carries the password when one was made", ctx -> {
                    Created c = create(auth.actor(ctx), ctx.bodyAsClass(NewUserRequest.class));
                    Map<String, Object> m = new LinkedHashMap<>(AuthRoutes.me(c.user()));
                    if (c.generatedPassword() != null) {
                        m.put("password", c.generatedPassword());
                    }
                    ctx.status(201).json(m);
                }, Role.ADMIN)
                .put("/api/v1/users/{id}/active", "Activate or deactivate a user", ctx -> ctx.json(AuthRoutes.me(
                        users.setActive(auth.actor(ctx), Params.id(ctx),
                                ctx.bodyAsClass(ActiveRequest.class).active()))), Role.ADMIN);
    }

    private record Created(User user, String generatedPassword) {
    }

    private Created create(Actor actor, NewUserRequest req) {
        if (req.unit() == null || req.unit().isBlank()) {
            throw ApiException.badRequest("unit", "Choose the user's unit");
        }
        long unitId = units.findBySlug(req.unit().strip())
                .orElseThrow(() -> ApiException.badRequest("unit", "No unit with short name " + req.unit())).id();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : req.roles() == null ? List.<String>of() : req.roles()) {
            roles.add(Role.parse(name).orElseThrow(() -> ApiException.badRequest("roles",
                    "Unknown role " + name + "; accepted: " + Role.accepted())));
        }
        Long platformId = req.platform() == null || req.platform().isBlank() ? null
                : platforms.findBySlug(req.platform().strip()).orElseThrow(() -> ApiException.badRequest("platform",
                        "No platform with short name " + req.platform())).id();
        boolean generate = req.password() == null || req.password().isEmpty();
        String password = generate ? Secrets.random(15) : req.password();
        User u = users.create(actor, new Users.NewUser(unitId, req.username() == null ? "" : req.username().strip(),
                blankIfNull(req.displayName()), blankIfNull(req.email()), roles, platformId,
                req.language() == null || req.language().isBlank() ? "en" : req.language(), password));
        return new Created(u, generate ? password : null);
    }

    private void createFromForm(Context ctx) {
        NewUserRequest req = new NewUserRequest(ctx.formParam("username"), ctx.formParam("displayName"),
                ctx.formParam("email"), ctx.formParam("unit"), ctx.formParams("roles"), ctx.formParam("platform"),
                ctx.formParam("language"), null);
        try {
            Created c = create(auth.actor(ctx), req);
            listPage(ctx, c, null);
        } catch (ApiException e) {
            ctx.status(e.status());
            listPage(ctx, null, e);
        }
    }

    private void listPage(Context ctx, Created created, ApiException error) {
        Map<String, Object> m = new HashMap<>();
        m.put("users", users.list());
        m.put("units", units.list());
        m.put("platforms", platforms.list());
        m.put("created", created == null ? null : created.user());
        m.put("password", created == null ? null : created.generatedPassword());
        m.put("error", error);
        pages.render(ctx, "auth/users.jte", m);
    }


    private static String blankIfNull(String s) {
        return s == null ? "" : s.strip();
    }
}
