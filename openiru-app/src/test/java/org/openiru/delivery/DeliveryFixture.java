package org.openiru.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.platform.PlatformInput;
import org.openiru.unit.Units;

/** A platform, a referral to it and outbox rows, made through the real services and the contract tables. */
final class DeliveryFixture {
    static final Actor SYSTEM = Actor.system("delivery-test");

    private DeliveryFixture() {
    }

    static long platform(OpenIru app, String slug, String webhookUrl) {
        return app.platforms.create(SYSTEM, new PlatformInput(slug, "Platform " + slug, "messaging",
                List.of(slug + ".example"), "abuse@" + slug + ".example", webhookUrl, "", List.of("en"), "", "")).id();
    }

    /** A referral row as the referral feature writes it (no items needed for delivering). */
    static long referral(OpenIru app, long platformId, String reference) {
        long unit = app.units.findBySlug("delivery-unit").orElseGet(() -> app.units.create(SYSTEM,
                new Units.Input("delivery-unit", "Delivery unit", "NL", ""))).id();
        return app.db.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO referrals (reference, kind, unit_id, platform_id, language, created_at)
                        VALUES (:ref, 'referral', :unit, :platform, 'en', now()) RETURNING id""")
                .bind("ref", reference).bind("unit", unit).bind("platform", platformId).mapTo(Long.class).one());
    }

    static long add(OpenIru app, Outgoing m) {
        return app.db.jdbi().inTransaction(h -> Outbox.add(h, m, app.clock.instant())).orElseThrow();
    }

    static Map<String, Object> row(OpenIru app, long id) {
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM deliveries WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }

    static List<Deliveries.Attempt> attempts(OpenIru app, long id) {
        return app.deliveries.list(new Deliveries.Filter(null, null, null), 1000).stream()
                .filter(r -> r.id() == id).findFirst().orElseThrow().attemptLog();
    }

    static Map<String, Object> receipt(OpenIru app, long referralId) {
        return app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT received_at, received_via FROM referrals WHERE id = :id").bind("id", referralId).mapToMap().one());
    }

    static Instant instant(Object timestamptz) {
        return timestamptz instanceof java.sql.Timestamp ts ? ts.toInstant()
                : ((java.time.OffsetDateTime) timestamptz).toInstant();
    }
}
