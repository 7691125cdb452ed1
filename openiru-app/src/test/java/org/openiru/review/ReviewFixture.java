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
public final class ReviewFixture {
    public static final Actor SYSTEM = Actor.system("review-test");

    private ReviewFixture() {
    }

    public static Unit unit(OpenIru app, String slug) {
        return app.units.findBySlug(slug).orElseGet(() -> app.units.create(SYSTEM,
                new Units.Input(slug, "Unit " + slug, "NL", slug + "@unit.example")));
    }

    public static User user(OpenIru app, Unit unit, String name, Role... roles) {
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
                        "[synthetic] post " + i + " نص تجريبي", org.openiru.ingest.RawRecords.json(JsonNodeFactory.instance.objectNode()), List::of,
                        List.of()));
            }
            run.finish(null);
        }
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url = ANY(?) "
                + "ORDER BY id").bind(0, urls.toArray(new String[0])).mapTo(Long.class).list());
    }

    /** An item carrying a synthetic image (a grey square with a stripe): a stored blob, as imports make them. */
    static long itemWithImage(OpenIru app, String prefix) throws java.io.IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 64,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                img.setRGB(x, y, y / 8 % 2 == 0 ? 0xc03030 : 0x30a030);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        String sha = app.blobs.put(new java.io.ByteArrayInputStream(png.toByteArray()), "synthetic.png", 1 << 20)
                .sha256();
        String url = "https://example.test/" + prefix + "/image";
        try (IngestRun run = app.ingest.begin(SYSTEM, "api", "review test " + prefix, "")) {
            ActorRef actor = new ActorRef(null, "actor-" + prefix, prefix, "Actor " + prefix, "channel");
            run.add(new IncomingItem(url, null, actor, "1", actor, null, null, Instant.now(), null,
                    "[synthetic] بيان تجريبي with image", org.openiru.ingest.RawRecords.json(JsonNodeFactory.instance.objectNode()), List::of,
                    List.of(new org.openiru.ingest.MediaRef("photo", "synthetic.png", sha))));
            run.finish(null);
        }
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url = ?")
                .bind(0, url).mapTo(Long.class).one());
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
