package org.openiru.review;

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
import org.openiru.unit.Unit;
import org.openiru.unit.Units;

/** Synthetic items, units and people for the desk's tests, made through the real services. */
final class ReviewFixture {
    static final Actor SYSTEM = Actor.system("review-test");

    private ReviewFixture() {
    }

    static Unit unit(OpenIru app, String slug) {
        return app.units.findBySlug(slug).orElseGet(() -> app.units.create(SYSTEM,
                new Units.Input(slug, "Unit " + slug, "NL", slug + "@unit.example")));
    }

    static User user(OpenIru app, Unit unit, String name, Role... roles) {
        return app.users.create(SYSTEM, new Users.NewUser(unit.id(), name, name, "", EnumSet.copyOf(List.of(roles)),
                null, "en", "test-password-123"));
    }

    /** {@code n} synthetic items posted by one actor; returns their ids. */
    static List<Long> items(OpenIru app, String prefix, int n) {
        List<String> urls = new ArrayList<>();
        try (IngestRun run = app.ingest.begin(SYSTEM, "api", "review test " + prefix, "")) {
            ActorRef actor = new ActorRef(null, "actor-" + prefix, prefix, "Actor " + prefix, "channel");
            for (int i = 0; i < n; i++) {
                String url = "https://example.test/" + prefix + "/" + i;
                urls.add(url);
                run.add(new IncomingItem(url, null, actor, String.valueOf(i), actor, null, null, Instant.now(), null,
                        "[synthetic] post " + i + " نص تجريبي", JsonNodeFactory.instance.objectNode(), List::of,
                        List.of()));
            }
            run.finish(null);
        }
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url = ANY(?) "
                + "ORDER BY id").bind(0, urls.toArray(new String[0])).mapTo(Long.class).list());
    }

    static long caseOf(OpenIru app, Unit unit, long item, boolean graphic) {
        return app.review.cases.openFor(SYSTEM, unit.id(), new Cases.NewCase(List.of(item), null, null,
                "[synthetic] case", graphic));
    }

    static long generalQueue(OpenIru app) {
        return app.review.cases.queues().stream().filter(q -> q.name().equals(Cases.DEFAULT_QUEUE)).findFirst()
                .orElseThrow().id();
    }

    static Assessment terrorist() {
        return new Assessment("terrorist", List.of("a"), "Synthetic Group", 3, "video", null, null, null);
    }
}
