package org.openiru.verify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.RawRecords;
import org.openiru.platform.PlatformInput;
import org.openiru.review.Cases;

/**
 * Synthetic referrals for the verify tests: items and a case through the real services, then referrals, their
 * items and the platform's answers written as the referral feature writes them (the contract tables).
 */
final class VerifyFixture {
    static final Actor SYSTEM = Actor.system("verify-test");

    private VerifyFixture() {
    }

    static long platform(OpenIru app, String slug, String name) {
        return app.platforms.findBySlug(slug).orElseGet(() -> app.platforms.create(SYSTEM, new PlatformInput(slug,
                name, "messaging", List.of(slug + ".example"), "", "", "", List.of("en"), "", ""))).id();
    }

    /** A referral (or removal order) to a platform with one item per URL; returns the referral item ids. */
    static List<Long> referral(OpenIru app, long unitId, long platformId, String kind, Instant createdAt,
                               Instant receivedAt, String... urls) {
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        List<Long> itemIds;
        try (IngestRun run = app.ingest.begin(SYSTEM, "api", "verify test " + prefix, "")) {
            ActorRef actor = new ActorRef(null, "actor-" + prefix, prefix, "Actor " + prefix, "channel");
            for (int i = 0; i < urls.length; i++) {
                run.add(new IncomingItem("https://example.test/" + prefix + "/" + i, null, actor,
                        String.valueOf(i), actor, null, null, createdAt, null, "[synthetic] post " + i,
                        RawRecords.json(JsonNodeFactory.instance.objectNode()), List::of, List.of()));
            }
            run.finish(null);
        }
        itemIds = app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url LIKE ? "
                + "ORDER BY id").bind(0, "https://example.test/" + prefix + "/%").mapTo(Long.class).list());
        long caseId = app.review.cases.openFor(SYSTEM, unitId, new Cases.NewCase(itemIds, null, null,
                "[synthetic] case " + prefix, false));
        return app.db.jdbi().inTransaction(h -> {
            long referralId = h.createQuery("""
                    INSERT INTO referrals (reference, kind, unit_id, platform_id, language, created_at, received_at,
                        received_via)
                    VALUES (?, ?, ?, ?, 'en', ?, ?, ?) RETURNING id""")
                    .bind(0, "REF-" + prefix).bind(1, kind).bind(2, unitId).bind(3, platformId).bind(4, at(createdAt))
                    .bind(5, receivedAt == null ? null : at(receivedAt)).bind(6, receivedAt == null ? null : "portal")
                    .mapTo(Long.class).one();
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < urls.length; i++) {
                ids.add(h.createQuery("""
                        INSERT INTO referral_items (referral_id, case_id, item_id, platform_id, kind, url, categories,
                            reason)
                        VALUES (?, ?, ?, ?, ?, ?, ARRAY['a'], '[synthetic] reason') RETURNING id""")
                        .bind(0, referralId).bind(1, caseId).bind(2, itemIds.get(i)).bind(3, platformId).bind(4, kind)
                        .bind(5, urls[i]).mapTo(Long.class).one());
            }
            return ids;
        });
    }

    static void answer(OpenIru app, long referralItemId, String answer, String reasonCode, Instant actedAt) {
        app.db.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO referral_answers (referral_item_id, answer, reason_code, reason, acted_at, recorded_at, via)
                VALUES (?, ?, ?, '[synthetic]', ?, ?, 'portal')""")
                .bind(0, referralItemId).bind(1, answer).bind(2, reasonCode).bind(3, at(actedAt)).bind(4, at(actedAt))
                .execute());
    }

    /** A recorded check, as the checker writes it (for statistics and removal-time tests). */
    static void check(OpenIru app, long referralItemId, String outcome, Instant at) {
        app.db.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO verify_checks (referral_item_id, checked_at, outcome, http_status, url, duration_ms)
                VALUES (?, ?, ?, ?, 'https://example.test/x', 5)""")
                .bind(0, referralItemId).bind(1, at(at)).bind(2, outcome).bind(3, outcome.equals("gone") ? 404 : 200)
                .execute());
    }

    static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
