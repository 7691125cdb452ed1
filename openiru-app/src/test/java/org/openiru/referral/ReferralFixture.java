package org.openiru.referral;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.RawRecords;
import org.openiru.platform.PlatformInput;
import org.openiru.review.Assessment;
import org.openiru.review.Cases;
import org.openiru.review.ReviewFixture;
import org.openiru.review.Reviewer;
import org.openiru.unit.Unit;

/** Synthetic platforms, items and approved cases for the referral tests, made through the real services. */
final class ReferralFixture {
    static final Actor SYSTEM = ReviewFixture.SYSTEM;
    private final OpenIru app;
    private final Unit unit;
    private final User assessor;
    private final User approver;

    ReferralFixture(OpenIru app, String unitSlug) {
        this.app = app;
        this.unit = unit(app, unitSlug);
        this.assessor = user(app, unit, unitSlug + "-analyst", Role.ANALYST);
        this.approver = user(app, unit, unitSlug + "-supervisor", Role.SUPERVISOR);
    }

    Unit unit() {
        return unit;
    }

    User approver() {
        return approver;
    }

    Actor actor() {
        return new Reviewer(approver, "test").actor();
    }

    static Unit unit(OpenIru app, String slug) {
        return ReviewFixture.unit(app, slug);
    }

    static User user(OpenIru app, Unit unit, String name, Role... roles) {
        return ReviewFixture.user(app, unit, name, roles);
    }

    static long platform(OpenIru app, String slug, String email, String webhook, List<String> languages) {
        return app.platforms.create(SYSTEM, new PlatformInput(slug, "Platform " + slug, "messaging",
                List.of(slug + ".example"), email, webhook, "", languages, "", "")).id();
    }

    /** {@code n} synthetic items on the platform; returns their ids in order. */
    static List<Long> items(OpenIru app, long platformId, String prefix, int n) {
        List<String> urls = new ArrayList<>();
        try (IngestRun run = app.ingest.begin(SYSTEM, "api", "referral test " + prefix, "")) {
            ActorRef actor = new ActorRef(platformId, "actor-" + prefix, prefix, "Actor " + prefix, "channel");
            for (int i = 0; i < n; i++) {
                String url = "https://" + prefix + ".example/post/" + i;
                urls.add(url);
                run.add(new IncomingItem(url, platformId, actor, String.valueOf(i), actor, null, null, Instant.now(),
                        null, "[synthetic] post " + i, RawRecords.json(JsonNodeFactory.instance.objectNode()),
                        List::of, List.of()));
            }
            run.finish(null);
        }
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url = ANY(?) "
                + "ORDER BY id").bind(0, urls.toArray(new String[0])).mapTo(Long.class).list());
    }

    /** A case of the unit on the items, assessed as terrorist content and approved by a second person. */
    long approvedCase(List<Long> items, Assessment assessment) {
        long id = app.review.cases.openFor(SYSTEM, unit.id(), new Cases.NewCase(items, null, null,
                "[synthetic] case", false));
        app.review.cases.assess(new Reviewer(assessor, "test"), id, assessment);
        app.review.cases.approve(new Reviewer(approver, "test"), id, "");
        return id;
    }

    long approvedCase(List<Long> items) {
        return approvedCase(items, terrorist("Synthetic Group"));
    }

    static Assessment terrorist(String entity) {
        return new Assessment("terrorist", List.of("a", "c"), entity, 3, "video", null, null, null);
    }
}
