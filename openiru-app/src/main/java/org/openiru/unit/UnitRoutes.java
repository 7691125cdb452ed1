package org.openiru.unit;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/** Pages and API for the units: supervisors and auditors read, administrators change. */
public final class UnitRoutes {
    private final Units units;
    private final Pages pages;
    private final Authenticator auth;

    public UnitRoutes(Units units, Pages pages, Authenticator auth) {
        this.units = units;
        this.pages = pages;
        this.auth = auth;
    }

    public void register(Routes r) {
        r.tag("units")
                .get("/units", "List units", ctx -> pages.render(ctx, "unit/list.jte", Map.of("units", units.list())),
                        Role.ADMIN, Role.SUPERVISOR, Role.AUDITOR)
                .get("/units/new", "Form for a new unit", ctx -> form(ctx, null, new Units.Input("", "", "", ""), null),
                        Role.ADMIN)
                .post("/units", "Create a unit from the form", ctx -> save(ctx, null), Role.ADMIN)
                .get("/units/{id}/edit", "Form to change a unit", ctx -> {
                    Unit u = units.get(Params.id(ctx));
                    form(ctx, u.id(), new Units.Input(u.slug(), u.name(), u.country(), u.contactEmail()), null);
                }, Role.ADMIN)
                .post("/units/{id}", "Change a unit from the form", ctx -> save(ctx, Params.id(ctx)), Role.ADMIN)
                .get("/api/v1/units", "List units", ctx -> ctx.json(units.list()),
                        Role.ADMIN, Role.SUPERVISOR, Role.AUDITOR)
                .post("/api/v1/units", "Create a unit",
                        ctx -> ctx.status(201).json(units.create(auth.actor(ctx), ctx.bodyAsClass(Units.Input.class))),
                        Role.ADMIN)
                .put("/api/v1/units/{id}", "Change a unit",
                        ctx -> ctx.json(units.update(auth.actor(ctx), Params.id(ctx), ctx.bodyAsClass(Units.Input.class))),
                        Role.ADMIN);
    }

    private void save(Context ctx, Long id) {
        Units.Input in = new Units.Input(ctx.formParam("slug"), ctx.formParam("name"), ctx.formParam("country"),
                ctx.formParam("contactEmail"));
        try {
            Unit u = id == null ? units.create(auth.actor(ctx), in) : units.update(auth.actor(ctx), id, in);
            ctx.redirect("/units?saved=" + u.id());
        } catch (ApiException e) {
            ctx.status(e.status());
            form(ctx, id, in, e);
        }
    }

    private void form(Context ctx, Long id, Units.Input values, ApiException error) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("values", values);
        m.put("error", error);
        pages.render(ctx, "unit/form.jte", m);
    }

}
