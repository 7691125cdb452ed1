package org.openiru.verify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.hashing.banks.SignalType;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.MediaRef;
import org.openiru.ingest.RawRecords;
import org.openiru.ingest.url.Outlink;
import org.openiru.platform.PlatformInput;
import org.openiru.review.Cases;
import org.openiru.signals.ContentSignal;
import org.openiru.signals.MediaHashes;
import org.openiru.unit.Unit;
import org.openiru.unit.Units;

/**
 * Synthetic items, cases and removals for the verify tests, made through the real services. A removal is written
 * as the referral feature writes it: a referral, its item and the platform's answer, in SQL on the real tables.
 */
public final class RemovalFixture {
    public static final Actor SYSTEM = Actor.system("verify-test");
    /** A synthetic propaganda-like text of 40 words, English and Arabic. */
    public static final String LONG_TEXT = "[synthetic] the brothers of the synthetic front announce a new release "
            + "today from the media office of the wilayah with a call to every supporter to share it widely "
            + "بيان تجريبي صادر عن المكتب الإعلامي للجبهة الاصطناعية يدعو جميع الأنصار إلى نشر الإصدار الجديد "
            + "على كل المنصات قبل حذفه";

    private final OpenIru app;
    public final Unit unit;
    public final long platform;
    private int seq;

    public RemovalFixture(OpenIru app, String slug) {
        this.app = app;
        this.unit = app.units.findBySlug(slug).orElseGet(() -> app.units.create(SYSTEM,
                new Units.Input(slug, "Unit " + slug, "NL", slug + "@unit.example")));
        this.platform = app.platforms.create(SYSTEM, new PlatformInput(slug + "-chat", "[synthetic] Chat " + slug,
                "messaging", List.of(slug + "-chat.example"), "", "", "", List.of("en"), "", "")).id();
    }

    /** An actor on the fixture's platform. */
    public ActorRef actor(String externalId, String handle) {
        return new ActorRef(platform, externalId, handle, "[synthetic] " + handle, "channel");
    }

    /** Stores one item (text, optional file, optional outlink) and returns its id. */
    public long item(ActorRef actor, String text, String blobSha256, String outlink) {
        String url = "https://" + unit.slug() + "-chat.example/" + actor.externalId() + "/" + (++seq) + "-" + System.nanoTime();
        List<MediaRef> media = blobSha256 == null ? List.of() : List.of(new MediaRef("photo", "synthetic.png", blobSha256));
        List<Outlink> links = outlink == null ? List.of() : List.of(new Outlink(outlink, "links.example"));
        try (IngestRun run = app.ingest.begin(SYSTEM, "api", "verify test", "")) {
            run.add(new IncomingItem(url, platform, actor, String.valueOf(seq), actor, null, null, Instant.now(), null,
                    text, RawRecords.json(JsonNodeFactory.instance.objectNode().put("text", text)), () -> links,
                    media));
            run.finish(null);
        }
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url = ?")
                .bind(0, url).mapTo(Long.class).one());
    }

    /** A synthetic picture (seeded noise over stripes); a {@code brighter} copy is a near copy (PDQ). */
    public String picture(long seed, int brighter) throws IOException, org.openiru.hashing.HashingException {
        BufferedImage img = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int x = 0; x < 128; x++) {
            for (int y = 0; y < 128; y++) {
                int band = (x / 16 + y / 32) % 3;
                int v = 60 + band * 60 + r.nextInt(30) + brighter;
                img.setRGB(x, y, (v << 16) | ((255 - v) << 8) | (v / 2));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        String sha = app.blobs.put(new ByteArrayInputStream(png.toByteArray()), "synthetic.png", 1 << 22).sha256();
        hash(sha);
        return sha;
    }

    /** What the hashing step does for a stored picture: its signals, matched against the banks. */
    public void hash(String sha256) throws IOException, org.openiru.hashing.HashingException {
        MediaHashes h = app.signals.hasher.hash(app.blobs.path(sha256));
        app.signals.signalMatcher.matchAndRecord(sha256, List.of(new ContentSignal(SignalType.SHA256, sha256, null),
                new ContentSignal(SignalType.MD5, h.md5(), null), new ContentSignal(SignalType.PDQ, h.pdq(),
                        h.quality())));
    }

    /** A case of the general queue on the items. */
    public long caseOf(List<Long> items) {
        return app.review.cases.openFor(SYSTEM, unit.id(), new Cases.NewCase(items, null, null, "[synthetic] case",
                false));
    }

    /** Refers the case's items and records the platform's {@code answer} acted {@code ago}. */
    public void answer(long caseId, List<Long> items, String answer, Duration ago) {
        Instant acted = Instant.now().minus(ago);
        app.db.jdbi().useTransaction(h -> {
            long referral = h.createQuery("""
                            INSERT INTO referrals (reference, kind, unit_id, platform_id, language, created_at)
                            VALUES (?, 'referral', ?, ?, 'en', ?) RETURNING id""")
                    .bind(0, "REF-" + caseId + "-" + System.nanoTime()).bind(1, unit.id()).bind(2, platform)
                    .bind(3, java.time.OffsetDateTime.now()).mapTo(Long.class).one();
            for (long item : items) {
                long ri = h.createQuery("""
                                INSERT INTO referral_items (referral_id, case_id, item_id, platform_id, kind, url, categories,
                                    entity, reason)
                                SELECT ?, ?, i.id, ?, 'referral', i.canonical_url, ARRAY['a'], 'Synthetic Front',
                                       '[synthetic] incitement'
                                FROM items i WHERE i.id = ? RETURNING id""")
                        .bind(0, referral).bind(1, caseId).bind(2, platform).bind(3, item).mapTo(Long.class).one();
                h.createUpdate("""
                                INSERT INTO referral_answers (referral_item_id, answer, acted_at, recorded_at, via)
                                VALUES (?, ?, ?, now(), 'portal')""")
                        .bind(0, ri).bind(1, answer).bind(2, java.time.OffsetDateTime.ofInstant(acted,
                                java.time.ZoneOffset.UTC)).execute();
            }
        });
    }

    /** Opens a case on the items and has the platform remove them {@code ago}. */
    public long removedCase(List<Long> items, Duration ago) {
        long c = caseOf(items);
        answer(c, items, "removed", ago);
        return c;
    }

    public static List<Long> ids(long... ids) {
        List<Long> out = new ArrayList<>();
        for (long id : ids) {
            out.add(id);
        }
        return out;
    }
}
