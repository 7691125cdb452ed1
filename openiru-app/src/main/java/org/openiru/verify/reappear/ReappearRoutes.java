package org.openiru.verify.reappear;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/** The reappearances page and API, and the fragment the case page loads. Unit staff only, never platforms. */
final class ReappearRoutes {
    private static final Role[] READERS = Role.UNIT_STAFF;
    private static final int LIST = 200;
    private final Reappearances reappearances;
    private final Pages pages;
    private final Authenticator auth;

    ReappearRoutes(Reappearances reappearances, Pages pages, Authenticator auth) {
        this.reappearances = reappearances;
        this.pages = pages;
        this.auth = auth;
    }

    void register(Routes r) {
        r.tag("reappear")
                .get("/verify/reappearances", "Removed content seen again, with counts per platform, entity and week "
                        + "(filters: from, to as dates, unit)", this::page, READERS)
                .get("/verify/cases/{id}/reappeared", "The case page's fragment: the removed case whose content it "
                        + "holds, or where its removed content reappeared", this::caseFragment, READERS)
                .get("/api/v1/reappearances", "Reappearances, newest first (filters: from, to as dates, unit, limit)",
                        ctx -> ctx.json(reappearances.list(Params.dayQuery(ctx, "from", 0), Params.dayQuery(ctx,
                                "to", 1), Params.longQuery(ctx, "unit"), Params.intQuery(ctx, "limit", 100, 1, 1000))),
                        READERS);
    }

    private void page(Context ctx) {
        auth.require(ctx);
        Instant from = Params.dayQuery(ctx, "from", 0);
        Instant to = Params.dayQuery(ctx, "to", 1);
        Long unit = Params.longQuery(ctx, "unit");
        Map<String, Object> m = new HashMap<>();
        m.put("rows", reappearances.list(from, to, unit, LIST));
        m.put("byPlatform", reappearances.countsByPlatform(from, to, unit));
        m.put("byEntity", reappearances.countsByEntity(from, to, unit));
        m.put("byWeek", reappearances.countsByWeek(from, to, unit));
        m.put("from", Params.query(ctx, "from"));
        m.put("to", Params.query(ctx, "to"));
        pages.render(ctx, "reappear/list.jte", m);
    }

    private void caseFragment(Context ctx) {
        auth.require(ctx);
        long id = Params.id(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("caseId", id);
        m.put("rows", reappearances.ofCase(id));
        pages.render(ctx, "reappear/case.jte", m);
    }
}
