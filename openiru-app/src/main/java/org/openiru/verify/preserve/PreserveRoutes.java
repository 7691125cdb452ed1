package org.openiru.verify.preserve;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/**
 * Legal holds (supervisors place and lift them) and the preservation fragments the item and case pages load.
 * Forms and API call the same service methods.
 */
final class PreserveRoutes {
    private static final Role[] READERS = Role.UNIT_STAFF;
    private static final Role[] HOLDERS = {Role.SUPERVISOR};
    private final Preservation preservation;
    private final Pages pages;
    private final Authenticator auth;

    PreserveRoutes(Preservation preservation, Pages pages, Authenticator auth) {
        this.preservation = preservation;
        this.pages = pages;
        this.auth = auth;
    }

    /** Body of the lift route. */
    record Lift(String reason) {
    }

    void register(Routes r) {
        r.tag("preserve")
                .get("/verify/items/{id}/preservation", "The item page's fragment: preserved until when, legal holds",
                        this::itemFragment, READERS)
                .get("/verify/cases/{id}/preservation", "The case page's fragment: the case's legal holds",
                        this::caseFragment, READERS)
                .post("/verify/items/{id}/legal-holds", "Place a legal hold on an item (reason, until)", ctx -> {
                    preservation.place(auth.actor(ctx), user(ctx).unitId(), new Preservation.NewHold(null,
                            Params.id(ctx), ctx.formParam("reason"), until(ctx)));
                    ctx.redirect("/items/" + Params.id(ctx));
                }, HOLDERS)
                .post("/verify/cases/{id}/legal-holds", "Place a legal hold on a case (reason, until)", ctx -> {
                    preservation.place(auth.actor(ctx), user(ctx).unitId(), new Preservation.NewHold(Params.id(ctx),
                            null, ctx.formParam("reason"), until(ctx)));
                    ctx.redirect("/review/cases/" + Params.id(ctx));
                }, HOLDERS)
                .post("/verify/legal-holds/{id}/lift", "Lift your unit's legal hold (reason)", ctx -> {
                    Preservation.LegalHold h = preservation.lift(auth.actor(ctx), user(ctx).unitId(), Params.id(ctx),
                            ctx.formParam("reason"));
                    ctx.redirect(h.caseId() != null ? "/review/cases/" + h.caseId() : "/items/" + h.itemId());
                }, HOLDERS)
                .get("/api/v1/preservation/items/{id}", "An item's preservation: removal, preserved until, legal "
                        + "holds, purge", ctx -> ctx.json(preservation.status(Params.id(ctx))), READERS)
                .post("/api/v1/legal-holds", "Place a legal hold (caseId or itemId, reason, until)", ctx -> ctx.status(201)
                        .json(preservation.place(auth.actor(ctx), user(ctx).unitId(),
                                ctx.bodyAsClass(Preservation.NewHold.class))), HOLDERS)
                .post("/api/v1/legal-holds/{id}/lift", "Lift your unit's legal hold (reason)", ctx -> {
                    preservation.lift(auth.actor(ctx), user(ctx).unitId(), Params.id(ctx),
                            ctx.bodyAsClass(Lift.class).reason());
                    ctx.status(204);
                }, HOLDERS);
    }

    private void itemFragment(Context ctx) {
        Map<String, Object> m = new HashMap<>();
        m.put("s", preservation.status(Params.id(ctx)));
        m.put("period", preservation.period().toDays());
        pages.render(ctx, "preserve/item.jte", m);
    }

    private void caseFragment(Context ctx) {
        Map<String, Object> m = new HashMap<>();
        m.put("caseId", Params.id(ctx));
        m.put("holds", preservation.holdsOfCase(Params.id(ctx)));
        pages.render(ctx, "preserve/case.jte", m);
    }

    /** The form's date (inclusive: the hold ends at the end of that day, UTC), or null for "until lifted". */
    private static Instant until(Context ctx) {
        String v = ctx.formParam("until");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("until", "until must be a date like 2027-06-30");
        }
    }

    private User user(Context ctx) {
        return auth.require(ctx).user();
    }
}
