package org.openiru.audit;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openiru.auth.Role;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/** The audit trail for auditors, supervisors and administrators: filterable, paged, and verifiable. */
public final class AuditRoutes {
    private static final Role[] READERS = {Role.AUDITOR, Role.ADMIN, Role.SUPERVISOR};
    private final AuditLog audit;
    private final Pages pages;

    public AuditRoutes(AuditLog audit, Pages pages) {
        this.audit = audit;
        this.pages = pages;
    }

    public void register(Routes r) {
        r.tag("audit")
                .get("/audit", "Audit trail with filters", this::page, READERS)
                .post("/audit/verify", "Recompute the hash chain", ctx -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("verification", audit.verify());
                    pages.render(ctx, "audit/verify.jte", m);
                }, READERS)
                .get("/api/v1/audit", "Audit events, newest first", ctx -> {
                    int limit = Params.intQuery(ctx, "limit", 100, 1, 1000);
                    ctx.json(audit.search(filter(ctx), Params.longQuery(ctx, "before"), limit).stream().map(AuditRoutes::json).toList());
                }, READERS)
                .get("/api/v1/audit/verify", "Recompute the hash chain", ctx -> {
                    AuditLog.Verification v = audit.verify();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("intact", v.intact());
                    m.put("rowsChecked", v.rowsChecked());
                    m.put("firstBroken", v.firstBroken().orElse(null));
                    m.put("problem", v.problem());
                    ctx.json(m);
                }, READERS);
    }

    private void page(Context ctx) {
        int pageSize = 50;
        AuditLog.Filter f = filter(ctx);
        List<AuditEvent> events = audit.search(f, Params.longQuery(ctx, "before"), pageSize + 1);
        Map<String, Object> m = new HashMap<>();
        m.put("events", events.size() > pageSize ? events.subList(0, pageSize) : events);
        m.put("nextBefore", events.size() > pageSize ? events.get(pageSize - 1).seq() : null);
        m.put("filter", f);
        m.put("query", ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)before=[^&]*", ""));
        pages.render(ctx, "audit/list.jte", m);
    }

    private static AuditLog.Filter filter(Context ctx) {
        return new AuditLog.Filter(Params.query(ctx, "action"), Params.query(ctx, "subjectType"),
                Params.query(ctx, "subjectId"), Params.query(ctx, "actor"), Params.dayQuery(ctx, "from", 0), Params.dayQuery(ctx, "to", 1));
    }

    private static Map<String, Object> json(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("occurredAt", e.occurredAt());
        m.put("actorId", e.actorId());
        m.put("actorName", e.actorName());
        m.put("unitId", e.unitId());
        m.put("action", e.action());
        m.put("subjectType", e.subjectType());
        m.put("subjectId", e.subjectId());
        m.put("payload", e.payload());
        m.put("requestId", e.requestId());
        m.put("hash", HexFormat.of().formatHex(e.hash()));
        return m;
    }
}
