package org.openiru.referral.order;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.platform.Platforms;
import org.openiru.unit.Units;
import org.openiru.store.Rows;
import org.openiru.web.Access;
import org.openiru.web.ApiException;
import org.openiru.web.Downloads;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/**
 * Pages and API of removal orders. The unit's people see their unit's orders; supervisors issue them and
 * answer requests for clarification. A platform's users see only the orders addressed to their platform (any
 * other order is "not found", so that its existence is not revealed). The unit's public signing key is public:
 * it is what anyone holding an order (the platform's lawyers, a host member state's authority, a court) needs to
 * check it, and it reveals nothing.
 */
public final class OrderRoutes {
    static final Role[] READERS = {Role.ADMIN, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR};
    private static final Role[] READERS_AND_PLATFORMS = {Role.ADMIN, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR,
            Role.PLATFORM};
    private static final int LIST = 200;

    private final Orders orders;
    private final OrderQueries queries;
    private final SigningKeys keys;
    private final Units units;
    private final Platforms platforms;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Pages pages;
    private final Authenticator auth;

    public OrderRoutes(Orders orders, OrderQueries queries, SigningKeys keys, Units units, Platforms platforms,
                       Jdbi jdbi, Clock clock, Pages pages, Authenticator auth) {
        this.orders = orders;
        this.queries = queries;
        this.keys = keys;
        this.units = units;
        this.platforms = platforms;
        this.jdbi = jdbi;
        this.clock = clock;
        this.pages = pages;
        this.auth = auth;
    }

    public void register(Routes r) {
        r.tag("orders")
                .get("/orders", "Your unit's removal orders: state, deadline, platform", this::listPage, READERS)
                .get("/orders/new", "Form to issue a removal order (platform=<id>)", ctx -> formPage(ctx, null, null),
                        Role.SUPERVISOR)
                .post("/orders", "Issue a removal order from the form", this::issueFromForm, Role.SUPERVISOR)
                .post("/orders/information", "Send a platform the Art. 3(2) information before a first order",
                        this::informFromForm, Role.SUPERVISOR)
                .get("/orders/{id}", "A removal order with its countdown, answers and events", this::orderPage, READERS)
                .post("/orders/{id}/clarification", "Give the clarification a platform asked for (a new hour runs)",
                        this::clarifyFromForm, Role.SUPERVISOR)
                .get("/portal/orders/{id}", "A removal order to your platform, with its deadline", this::portalPage,
                        Role.PLATFORM)
                .post("/portal/orders/{id}/reasons-ceased", "Say the force majeure or impossibility ended",
                        this::ceasedFromForm, Role.PLATFORM)
                .get("/api/v1/orders", "Removal orders: your unit's, or to your platform", this::listApi,
                        READERS_AND_PLATFORMS)
                .post("/api/v1/orders", "Issue a removal order (Annex I fields; 400 names every missing one)",
                        ctx -> {
                            User u = user(ctx);
                            long id = orders.issue(u, auth.actor(ctx), ctx.bodyAsClass(OrderForm.class));
                            ctx.status(201).json(view(visible(ctx, id)));
                        }, Role.SUPERVISOR)
                .get("/api/v1/orders/{id}", "One removal order with its clock", ctx -> ctx.json(view(visible(ctx,
                        Params.id(ctx)))), READERS_AND_PLATFORMS)
                .get("/api/v1/orders/{id}/pdf", "The order document (PDF) as issued and signed", this::pdf,
                        READERS_AND_PLATFORMS)
                .get("/api/v1/orders/{id}/signature", "The Ed25519 signature over the order's PDF, with the key id",
                        ctx -> ctx.json(signature(visible(ctx, Params.id(ctx)))), READERS_AND_PLATFORMS)
                .post("/api/v1/orders/{id}/clarifications", "Give a clarification (body: {\"text\"}); a new hour runs",
                        ctx -> {
                            long id = visible(ctx, Params.id(ctx)).id();
                            orders.clarify(user(ctx), auth.actor(ctx), id, ctx.bodyAsClass(Text.class).text());
                            ctx.status(201).json(view(visible(ctx, id)));
                        }, Role.SUPERVISOR)
                .get("/api/v1/units/{slug}/signing-key", "A unit's public Ed25519 key for checking its orders",
                        this::signingKey, Access.PUBLIC);
    }

    /** Body of a clarification. */
    record Text(String text) {
    }

    // --- access ---

    private User user(Context ctx) {
        return auth.require(ctx).user();
    }

    /** The order if the caller may see it: their unit's, or addressed to their platform; else not found. */
    private Order visible(Context ctx, long id) {
        User u = user(ctx);
        return queries.find(id).filter(o -> u.platformId() != null ? o.platformId() == u.platformId()
                : o.unitId() == u.unitId()).orElseThrow(() -> ApiException.notFound("Order " + id));
    }

    // --- pages ---

    /** A row of the list page: the summary and its clock now. */
    public record Row(OrderQueries.Summary order, OrderClock.Result clock) {
    }

    private void listPage(Context ctx) {
        Instant now = clock.instant();
        pages.render(ctx, "order/list.jte", Map.of("rows", rows(user(ctx).unitId(), null, now), "now", now));
    }

    /** The list's orders with their clocks: the unit's, or with {@code platformId} the ones to that platform. */
    private List<Row> rows(Long unitId, Long platformId, Instant now) {
        List<OrderQueries.Summary> orders = queries.list(unitId, platformId, LIST);
        Map<Long, OrderClock.Result> clocks = queries.clocks(orders.stream().map(OrderQueries.Summary::id).toList(),
                now);
        return orders.stream().map(s -> new Row(s, clocks.get(s.id()))).toList();
    }

    private void orderPage(Context ctx) {
        Order o = visible(ctx, Params.id(ctx));
        pages.render(ctx, "order/order.jte", pageModel(o, ctx.queryParam("error")));
    }

    private void portalPage(Context ctx) {
        long id = visible(ctx, Params.id(ctx)).id();
        orders.opened(user(ctx), auth.actor(ctx), id);
        pages.render(ctx, "order/portal.jte", portalModel(visible(ctx, id), null));
    }

    /** The platform's view: the order and its clock, not the unit's own delivery log (alerts, copies). */
    private Map<String, Object> portalModel(Order o, String error) {
        Instant now = clock.instant();
        Map<String, Object> m = new HashMap<>();
        m.put("order", o);
        m.put("clock", o.clock(now));
        m.put("now", now);
        m.put("error", error);
        return m;
    }

    private Map<String, Object> pageModel(Order o, String error) {
        Map<String, Object> m = portalModel(o, error);
        m.put("deliveries", deliveries(o.id()));
        return m;
    }

    /** What the outbox holds for the order (e-mails, webhooks, alerts) and how far each got. */
    public record Delivery(String key, String channel, String recipient, String status, int attempts, Instant sentAt) {
    }

    private List<Delivery> deliveries(long orderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT key, channel, recipient, status, attempts, sent_at FROM deliveries
                        WHERE referral_id = ? ORDER BY id""").bind(0, orderId)
                .map((rs, c) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), Rows.instant(rs, 6))).list());
    }

    private void formPage(Context ctx, OrderForm values, ApiException error) {
        User u = user(ctx);
        Long platformId = values != null ? Long.valueOf(values.platformId()) : Params.longQuery(ctx, "platform");
        Map<String, Object> m = new HashMap<>();
        m.put("platforms", platforms.list());
        m.put("platformId", platformId);
        m.put("error", error);
        m.put("unit", units.get(u.unitId()));
        m.put("values", values != null ? values : defaults(u.unitId(), platformId == null ? 0 : platformId));
        if (platformId != null) {
            m.put("platform", platforms.get(platformId));
            m.put("candidates", queries.candidates(u.unitId(), platformId));
            m.put("orderedBefore", orders.orderedBefore(u.unitId(), platformId));
            m.put("informedAt", orders.informedAt(u.unitId(), platformId).orElse(null));
        }
        m.put("now", clock.instant());
        pages.render(ctx, "order/form.jte", m);
    }

    /** Sections E–G as the unit's last order had them (they rarely change), else from the unit. */
    private OrderForm defaults(long unitId, long platformId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT o.authority_name, o.authority_address, o.authority_contact, o.followup_contact,
                               o.redress_body, o.redress_time_limit, o.redress_procedure
                        FROM referral_orders o JOIN referrals r ON r.id = o.referral_id
                        WHERE r.unit_id = ? ORDER BY o.issued_at DESC LIMIT 1""").bind(0, unitId)
                .map((rs, c) -> new OrderForm(platformId, List.of(), 0, "", "", "", null, rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), "")).findOne()
                .orElseGet(() -> {
                    var unit = units.get(unitId);
                    return new OrderForm(platformId, List.of(), 0, "", "", "", null, unit.name(), "",
                            unit.contactEmail(), unit.contactEmail(), "", "", "", "");
                }));
    }

    private void issueFromForm(Context ctx) {
        OrderForm in = fromForm(ctx);
        try {
            long id = orders.issue(user(ctx), auth.actor(ctx), in);
            ctx.redirect("/orders/" + id);
        } catch (ApiException e) {
            ctx.status(e.status());
            formPage(ctx, in, e);
        }
    }

    private void informFromForm(Context ctx) {
        long platformId = Params.positiveInt("platformId", String.valueOf(ctx.formParam("platformId")),
                Integer.MAX_VALUE);
        orders.sendInformation(user(ctx), auth.actor(ctx), platformId);
        ctx.redirect("/orders/new?platform=" + platformId);
    }

    private void clarifyFromForm(Context ctx) {
        long id = visible(ctx, Params.id(ctx)).id();
        try {
            orders.clarify(user(ctx), auth.actor(ctx), id, ctx.formParam("text"));
            ctx.redirect("/orders/" + id);
        } catch (ApiException e) {
            ctx.status(e.status());
            pages.render(ctx, "order/order.jte", pageModel(visible(ctx, id), e.getMessage()));
        }
    }

    private void ceasedFromForm(Context ctx) {
        long id = visible(ctx, Params.id(ctx)).id();
        try {
            orders.reasonsCeased(user(ctx), auth.actor(ctx), id, ctx.formParam("text"));
            ctx.redirect("/portal/orders/" + id);
        } catch (ApiException e) {
            ctx.status(e.status());
            pages.render(ctx, "order/portal.jte", portalModel(visible(ctx, id), e.getMessage()));
        }
    }

    static OrderForm fromForm(Context ctx) {
        List<OrderForm.Line> lines = new ArrayList<>();
        for (String v : ctx.formParams("item")) {
            long item;
            try {
                item = Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("items", "items must be numbers, not " + v);
            }
            lines.add(new OrderForm.Line(item, ctx.formParams("cat_" + item), ctx.formParam("reason_" + item)));
        }
        return new OrderForm(Params.positiveInt("platformId", String.valueOf(ctx.formParam("platformId")),
                Integer.MAX_VALUE), lines, days(ctx.formParam("nonDisclosureDays")), ctx.formParam("nonDisclosureReason"),
                ctx.formParam("hostAuthority"), ctx.formParam("hostAuthorityContact"),
                utc(ctx.formParam("copySentAt")), ctx.formParam("authorityName"), ctx.formParam("authorityAddress"),
                ctx.formParam("authorityContact"), ctx.formParam("followupContact"), ctx.formParam("redressBody"),
                ctx.formParam("redressTimeLimit"), ctx.formParam("redressProcedure"), ctx.formParam("emergencyReason"));
    }

    private static Integer days(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A {@code datetime-local} field, read as UTC (the form says so). */
    private static Instant utc(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("copySentAt", "copySentAt must be a date and time like 2026-12-01T09:30");
        }
    }

    // --- API ---

    private void listApi(Context ctx) {
        User u = user(ctx);
        Instant now = clock.instant();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : u.platformId() != null ? rows(null, u.platformId(), now) : rows(u.unitId(), null, now)) {
            OrderQueries.Summary s = r.order();
            OrderClock.Result c = r.clock();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.id());
            row.put("reference", s.reference());
            row.put("platform", s.platformName());
            row.put("issuedAt", s.issuedAt());
            row.put("receivedAt", s.receivedAt());
            row.put("items", s.items());
            row.put("state", c.state().id());
            row.put("deadline", c.deadline());
            out.add(row);
        }
        ctx.json(out);
    }

    private Map<String, Object> view(Order o) {
        OrderClock.Result c = o.clock(clock.instant());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("reference", o.reference());
        m.put("unit", o.unitName());
        m.put("platformId", o.platformId());
        m.put("platform", o.platformName());
        m.put("receivedAt", o.receivedAt());
        m.put("receivedVia", o.receivedVia());
        m.put("state", c.state().id());
        m.put("deadline", c.deadline());
        m.put("pause", c.pause() == null ? null : c.pause().id());
        m.put("missedDeadlines", c.missed());
        m.put("annex", o.annex());
        m.put("items", o.items());
        m.put("answers", o.answers());
        m.put("events", o.events());
        return m;
    }

    private Map<String, Object> signature(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", o.id());
        m.put("reference", o.reference());
        m.put("algorithm", SigningKeys.ALGORITHM);
        m.put("keyId", o.annex().keyId());
        m.put("signature", o.annex().signature());
        m.put("pdfSha256", o.annex().pdfSha256());
        m.put("publicKeyUrl", "/api/v1/units/" + o.unitSlug() + "/signing-key");
        return m;
    }

    private void pdf(Context ctx) {
        Order o = visible(ctx, Params.id(ctx));
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        Downloads.attachment(ctx, "application/pdf", o.pdfName());
        ctx.result(orders.pdf(o));
    }

    private void signingKey(Context ctx) {
        String slug = ctx.pathParam("slug");
        var unit = units.findBySlug(slug).orElseThrow(() -> ApiException.notFound("Unit " + slug));
        var key = keys.publicKey(unit.id()).orElseThrow(() -> ApiException.notFound("A signing key of unit " + slug
                + " (it has signed no order yet)"));
        if ("pem".equals(ctx.queryParam("format"))) {
            ctx.contentType("application/x-pem-file").result(key.pem());
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unit.slug());
        m.put("unitName", unit.name());
        m.put("keyId", key.keyId());
        m.put("algorithm", key.algorithm());
        m.put("publicKey", key.publicKey());
        m.put("pem", key.pem());
        m.put("createdAt", key.createdAt());
        ctx.json(m);
    }
}
