package org.openiru.campaign;

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
import org.openiru.referral.Answers;
import org.openiru.review.Assessment;
import org.openiru.review.Cases;
import org.openiru.review.ReviewFixture;
import org.openiru.review.Reviewer;
import org.openiru.unit.Unit;

/** Synthetic units, platforms, items and approved cases for the action-day tests, made through the real services. */
final class CampaignFixture {
    static final Actor SYSTEM = ReviewFixture.SYSTEM;
    final OpenIru app;
    final Unit unit;
    final User analyst;
    final User supervisor;

    CampaignFixture(OpenIru app, String unitSlug) {
        this.app = app;
        this.unit = ReviewFixture.unit(app, unitSlug);
        this.analyst = ReviewFixture.user(app, unit, unitSlug + "-analyst", Role.ANALYST);
        this.supervisor = ReviewFixture.user(app, unit, unitSlug + "-supervisor", Role.SUPERVISOR);
    }

    Actor actor(User u) {
        return new Reviewer(u, "test").actor();
    }

    static long platform(OpenIru app, String slug) {
        return app.platforms.create(SYSTEM, new PlatformInput(slug, "Platform " + slug, "messaging",
                List.of(slug + ".example"), "", "", "", List.of("en"), "", "")).id();
    }

    /** {@code n} synthetic items of one actor (handle {@code prefix}) on the platform; returns their ids. */
    List<Long> items(long platformId, String prefix, int n) {
        List<String> urls = new ArrayList<>();
        try (IngestRun run = app.ingest.begin(SYSTEM, "api", "campaign test " + prefix, "")) {
            ActorRef actor = new ActorRef(platformId, "actor-" + prefix, prefix, "Actor " + prefix, "channel");
            for (int i = 0; i < n; i++) {
                String url = "https://" + prefix + ".example/post/" + i;
                urls.add(url);
                run.add(new IncomingItem(url, platformId, actor, String.valueOf(i), actor, null, null, Instant.now(),
                        null, "[synthetic] campaign post " + prefix + " " + i,
                        RawRecords.json(JsonNodeFactory.instance.objectNode()), List::of, List.of()));
            }
            run.finish(null);
        }
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url = ANY(?) "
                + "ORDER BY id").bind(0, urls.toArray(new String[0])).mapTo(Long.class).list());
    }

    long actorOf(long itemId) {
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT actor_id FROM items WHERE id = ?")
                .bind(0, itemId).mapTo(Long.class).one());
    }

    /** A case on the items, assessed as terrorist content of {@code entity} and approved by a second person. */
    long approvedCase(List<Long> items, String entity) {
        long id = app.review.cases.openFor(SYSTEM, unit.id(), new Cases.NewCase(items, null, null,
                "[synthetic] case", false));
        app.review.cases.assess(new Reviewer(analyst, "test"), id, terrorist(entity));
        app.review.cases.approve(new Reviewer(supervisor, "test"), id, "");
        return id;
    }

    static Assessment terrorist(String entity) {
        return new Assessment("terrorist", List.of("a", "c"), entity, 3, "video", null, null, null);
    }

    /** Refers the approved cases through the real referral path; returns the referral items made. */
    List<Long> refer(List<Long> cases) {
        app.referral.referrals.referApproved(actor(supervisor), unit.id(), cases);
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM referral_items WHERE case_id = ANY(?) "
                + "ORDER BY id").bind(0, cases.toArray(new Long[0])).mapTo(Long.class).list());
    }

    /** The platform answers one referred item. */
    void answer(long platformId, long referralItemId, String answer) {
        app.referral.answers.record(SYSTEM, platformId, List.of(new Answers.Answer(referralItemId, answer,
                "", answer.equals("rejected") ? "[synthetic] not against our terms" : "", "")), "api");
    }

    Long dayOfReferralItem(long referralItemId) {
        return app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT r.action_day_id FROM referrals r JOIN referral_items ri ON ri.referral_id = r.id
                WHERE ri.id = ?""").bind(0, referralItemId).mapTo(Long.class).findOne().orElse(null));
    }
}
