package org.openiru.referral.order;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.IngestRun;
import org.openiru.platform.PlatformInput;
import org.openiru.review.Assessment;
import org.openiru.review.Cases;
import org.openiru.review.Reviewer;
import org.openiru.unit.Unit;
import org.openiru.unit.Units;

/** A unit with an analyst and a supervisor, a platform, and approved synthetic items on it, made through the services. */
public final class OrderFixture {
    public static final Actor SYSTEM = Actor.system("order-test");
    static final String PASSWORD = "test-password-123";

    final OpenIru app;
    public final Unit unit;
    final long platformId;
    final User analyst;
    public final User supervisor;
    final String slug;

    /**
     * @param mainEstablishment the platform's member state: "NL" (the unit's) for a domestic order, another for a
     *                          cross-border one
     */
    public OrderFixture(OpenIru app, String slug, String mainEstablishment, String webhook) {
        this.app = app;
        this.slug = slug;
        this.unit = app.units.create(SYSTEM, new Units.Input(slug, "Unit " + slug, "NL", "iru@" + slug + ".example"));
        this.platformId = app.platforms.create(SYSTEM, new PlatformInput("p-" + slug, "Platform " + slug, "messaging",
                List.of("p-" + slug + ".example"), "abuse@p-" + slug + ".example", webhook, "tco@p-" + slug + ".example",
                List.of("en"), "Legal Rep Ltd, 1 Example Street, Dublin", mainEstablishment)).id();
        this.analyst = user(slug + "-analyst", "", Role.ANALYST);
        this.supervisor = user(slug + "-supervisor", slug + "-boss@unit.example", Role.SUPERVISOR);
    }

    User user(String name, String email, Role... roles) {
        return app.users.create(SYSTEM, new Users.NewUser(unit.id(), name, name, email, EnumSet.copyOf(List.of(roles)),
                null, "en", PASSWORD));
    }

    User platformUser(String name, long platform) {
        return app.users.create(SYSTEM, new Users.NewUser(unit.id(), name, name, "", EnumSet.of(Role.PLATFORM),
                platform, "en", PASSWORD));
    }

    /** {@code n} synthetic items on the platform, in one case, assessed by the analyst and approved. */
    public List<Long> approvedItems(String prefix, int n) {
        List<String> urls = new ArrayList<>();
        try (IngestRun run = app.ingest.begin(SYSTEM, "api", "order test " + prefix, "")) {
            ActorRef actor = new ActorRef(platformId, "actor-" + prefix, prefix, "Actor " + prefix, "channel");
            for (int i = 0; i < n; i++) {
                String url = "https://p-" + slug + ".example/" + prefix + "/" + i;
                urls.add(url);
                run.add(new IncomingItem(url, platformId, actor, String.valueOf(i), actor, null, null, Instant.now(),
                        null, "[synthetic] post " + i + " نص تجريبي",
                        org.openiru.ingest.RawRecords.json(JsonNodeFactory.instance.objectNode()), List::of, List.of()));
            }
            run.finish(null);
        }
        List<Long> ids = app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url = ANY(?) "
                + "ORDER BY id").bind(0, urls.toArray(new String[0])).mapTo(Long.class).list());
        long caseId = app.review.cases.openFor(SYSTEM, unit.id(), new Cases.NewCase(ids, null, null,
                "[synthetic] case " + prefix, false));
        app.review.cases.assess(new Reviewer(analyst, "test"), caseId, new Assessment("terrorist", List.of("a", "c"),
                "Synthetic Group", 3, "video", null, null, null));
        app.review.cases.approve(new Reviewer(supervisor, "test"), caseId, "");
        return ids;
    }

    long caseOf(long itemId) {
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT min(case_id) FROM review_case_items WHERE item_id = ?")
                .bind(0, itemId).mapTo(Long.class).one());
    }

    /** Every Annex I field filled in; the items with the assessment's categories. */
    OrderForm form(List<Long> items, String emergency) {
        return new OrderForm(platformId, items.stream().map(i -> new OrderForm.Line(i, List.of("a", "c"),
                "[synthetic] Glorifies a terrorist attack.")).toList(), 0, "", "Coimisiún na Meán (test)",
                "tco@host-authority.example", null, "Unit " + slug, "1 Test Street, The Hague",
                "iru@" + slug + ".example", "duty officer +31 00 000 0000", "District Court of The Hague",
                "Within six weeks of receipt", "Administrative appeal under national law (synthetic)", emergency);
    }

    public long issue(List<Long> items, String emergency) {
        return app.removalOrders.orders.issue(supervisor, SYSTEM, form(items, emergency));
    }

    Order order(long id) {
        return app.removalOrders.queries.find(id).orElseThrow();
    }

    /** Receipt as the delivery worker stamps it on a confirmed delivery. */
    public void received(long orderId, Instant at) {
        app.db.jdbi().useHandle(h -> h.execute("UPDATE referrals SET received_at = ?, received_via = 'email' WHERE id = ?",
                at, orderId));
    }

    /** An answer as the portal records it. */
    public void answer(long orderId, String answer, String reasonCode, String reason, Instant at) {
        app.db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO referral_answers (referral_item_id, answer, reason_code, reason, acted_at, recorded_at, via)
                SELECT id, ?, ?, ?, ?, ?, 'portal' FROM referral_items WHERE referral_id = ?""",
                answer, reasonCode, reason, at, at, orderId));
    }
}
