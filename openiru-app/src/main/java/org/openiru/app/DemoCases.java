package org.openiru.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.imageio.ImageIO;
import org.openiru.audit.Actor;
import org.openiru.campaign.ActionDay;
import org.openiru.campaign.ActionDays;
import org.openiru.auth.User;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.MediaRef;
import org.openiru.ingest.RawRecords;
import org.openiru.review.Assessment;
import org.openiru.review.Cases;
import org.openiru.review.Holds;
import org.openiru.review.Reviewer;
import org.openiru.unit.Unit;

/**
 * A working review desk for the demo: a few synthetic items (made-up texts, generated striped images) and
 * cases made by hand from them, one awaiting approval and one held by the other unit. Runs once: nothing is
 * added when the demo items exist.
 */
final class DemoCases {
    private static final Actor SEEDER = Actor.system("demo-data");
    /** Every demo item's address starts so: t.me/demo_synthetic_channel/… and t.me/demo_synthetic_mirror/…. */
    private static final String BASE = "https://t.me/demo_synthetic_";

    private DemoCases() {
    }

    static void seed(OpenIru app, Unit nl, Unit de) {
        boolean seeded = app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM items WHERE "
                + "canonical_url LIKE ?").bind(0, BASE + "%").mapTo(Long.class).one()) > 0;
        if (seeded) {
            return;
        }
        Long telegram = app.platforms.findBySlug("telegram").orElseThrow().id();
        String image = image(app, 0x8a2020);
        ActorRef channel = new ActorRef(telegram, "channel_demo_1", "demo_synthetic_channel",
                "Demo channel [synthetic]", "channel");
        ActorRef mirror = new ActorRef(telegram, "channel_demo_2", "demo_synthetic_mirror",
                "Demo mirror [synthetic]", "channel");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (IngestRun run = app.ingest.begin(SEEDER, "api", "Demo review items [synthetic]", "")) {
            item(run, telegram, channel, 1, now.minus(3, ChronoUnit.HOURS),
                    "[اصطناعي] إصدار جديد من وكالة أعماق الإخبارية: جنود الخلافة يعلنون مواعيد فتح السوق. "
                            + "نص مصطنع لعرض مكتب المراجعة فقط [synthetic]", List.of(photo(image)));
            item(run, telegram, mirror, 1, now.minus(2, ChronoUnit.HOURS),
                    "[synthetic] New release from Amaq News Agency: the soldiers of the caliphate announce the "
                            + "opening hours of the market. Made-up text for the review desk.", List.of(photo(image)));
            item(run, telegram, channel, 2, now.minus(90, ChronoUnit.MINUTES),
                    "[synthetic] Made-up call to join a fictional group (demo only)", List.of());
            item(run, telegram, mirror, 2, now.minus(1, ChronoUnit.HOURS),
                    "[synthetic] Europol said on Thursday that a referral action day with Telegram removed accounts of "
                            + "the so-called Islamic State, also known as Daesh, police said in a statement (demo text).",
                    List.of(photo(image(app, 0x205080))));
            item(run, telegram, channel, 3, now.minus(5, ChronoUnit.HOURS),
                    "[synthetic] Amaq News Agency: made-up link to a fictional video release, for the referral demo "
                            + "only. https://example.org/synthetic-release", List.of());
            item(run, telegram, mirror, 3, now.minus(4, ChronoUnit.HOURS),
                    "[synthetic] Amaq News Agency: the same made-up release link, reposted (referral demo only).",
                    List.of());
            run.finish(null);
        }
        long pictures = app.review.cases.openFor(SEEDER, nl.id(), new Cases.NewCase(List.of(id(app, "channel/1"),
                id(app, "mirror/1")), null, 80, "[synthetic] Demo statement with image, two copies", true));
        long call = app.review.cases.openFor(SEEDER, nl.id(), new Cases.NewCase(List.of(id(app, "channel/2")), null, 60,
                "[synthetic] Call to join", false));
        app.review.cases.openFor(SEEDER, nl.id(), new Cases.NewCase(List.of(id(app, "mirror/2")), null, 20,
                "[synthetic] News report", false));
        User analyst = app.users.findByUsername("analyst").orElseThrow();
        app.review.cases.assess(new Reviewer(analyst, "demo-data"), call, new Assessment(Assessment.TERRORIST,
                List.of("b", "c"), "Fictional Group [synthetic]", 3, "text", null, null,
                "[synthetic] demo assessment awaiting approval"));
        User german = app.users.findByUsername("analyst-de").orElseThrow();
        app.review.holds.place(new Reviewer(german, "demo-data"), new Holds.NewHold(pictures, null,
                "[synthetic] demo investigation", "DE-DEMO-1", "iru@de-unit.example",
                now.plus(14, ChronoUnit.DAYS)));
        actionDayDemo(app, nl, de, telegram);
        referralDemo(app, nl, analyst);
    }

    /**
     * A running action day of the Dutch unit with the German one on Telegram, started before the demo referral is
     * made, so that the referral is tagged and the live board has something to show.
     */
    private static void actionDayDemo(OpenIru app, Unit nl, Unit de, long telegram) {
        User supervisor = app.users.findByUsername("supervisor").orElseThrow();
        Actor who = new Reviewer(supervisor, "demo-data").actor();
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS);
        ActionDay day = app.campaign.days.create(supervisor, who, new ActionDays.Input(
                "Referral action day [synthetic]", "[synthetic] Demo campaign against a fictional group's channels.",
                start.toString(), start.plus(2, ChronoUnit.DAYS).toString(), List.of(de.id()), List.of(telegram),
                List.of("Fictional Group [synthetic]"), List.of(), List.of()));
        long channel = app.db.jdbi().withHandle(h -> h.createQuery("SELECT actor_id FROM items WHERE canonical_url = ?")
                .bind(0, BASE + "channel/3").mapTo(Long.class).one());
        app.campaign.days.addTargets(supervisor, who, day.id(), List.of(channel));
        app.campaign.days.start(supervisor, who, day.id());
    }

    /**
     * Two approved cases: one referred to Telegram (its portal user "telegram" sees it; without an SMTP server its
     * e-mail shows in the delivery log as failing), one left on the "Ready to refer" page.
     */
    private static void referralDemo(OpenIru app, Unit nl, User analyst) {
        User supervisor = app.users.findByUsername("supervisor").orElseThrow();
        Assessment release = new Assessment(Assessment.TERRORIST, List.of("a"), "Fictional Group [synthetic]", 3,
                "other", null, null, "[synthetic] demo assessment: an outlet's release link");
        long referred = 0;
        for (String url : List.of("channel/3", "mirror/3")) {
            long c = app.review.cases.openFor(SEEDER, nl.id(), new Cases.NewCase(List.of(id(app, url)), null, 70,
                    "[synthetic] Outlet release link (" + url + ")", false));
            app.review.cases.assess(new Reviewer(analyst, "demo-data"), c, release);
            app.review.cases.approve(new Reviewer(supervisor, "demo-data"), c, "[synthetic] demo approval");
            referred = referred == 0 ? c : referred;
        }
        app.referral.referrals.referApproved(new Reviewer(supervisor, "demo-data").actor(), nl.id(),
                List.of(referred));
    }

    private static long id(OpenIru app, String path) {
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url = ?")
                .bind(0, BASE + path).mapTo(Long.class).one());
    }

    private static void item(IngestRun run, Long platform, ActorRef channel, int n, Instant at, String text,
                             List<MediaRef> media) {
        run.add(new IncomingItem("https://t.me/" + channel.handle() + "/" + n, platform, channel,
                String.valueOf(n), channel, null, null, at, null, text, RawRecords.json(JsonNodeFactory.instance.objectNode()
                        .put("synthetic", true)), List::of, media));
    }

    private static MediaRef photo(String sha) {
        return new MediaRef("photo", "synthetic-demo.png", sha);
    }

    /** A striped square in one colour: obviously not real material. */
    private static String image(OpenIru app, int rgb) {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < 200; y++) {
                img.setRGB(x, y, (x + y) / 20 % 2 == 0 ? rgb : 0xf0f0f0);
            }
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            return app.blobs.put(new ByteArrayInputStream(png.toByteArray()), "synthetic-demo.png", 1 << 22).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
