package org.openiru.ingest.tme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.ingest.Source;
import org.openiru.ingest.Progress;
import org.openiru.testing.StaticSite;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestApp;

/** Collects a synthetic channel (three pages, src/test/resources/ingest/tme) from a server on the loopback. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(FreshDatabase.class)
class TmeCollectorTest {
    static final Actor WHO = Actor.system("test");
    static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
    static final byte[] VIDEO = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};
    @TempDir
    static Path dir;
    static OpenIru app;
    static StaticSite site;
    static long telegram;

    @BeforeAll
    static void start(OpenIru started) throws IOException {
        app = started;
        telegram = TestApp.telegramPlatform(app);
        site = new StaticSite();
        site.serve("/s/example_news", "text/html; charset=utf-8", page("page-latest.html"))
                .serve("/s/example_news?before=101", "text/html; charset=utf-8", page("page-before-101.html"))
                .serve("/s/example_news?before=98", "text/html; charset=utf-8", page("page-before-98.html"))
                .serve("/media/photo99.jpg", "image/jpeg", PHOTO)
                .serve("/media/video97.mp4", "video/mp4", VIDEO);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static TmeCollector.Options options() {
        return new TmeCollector.Options(site.baseUrl(), null, null, 10, Duration.ZERO, 1 << 20, null);
    }

    @Test
    @Order(1)
    void pagesBackToTheChannelsStartWithForwardsMediaAndLinks() throws IOException {
        site.requests.clear();
        Source s = app.tme.collect(WHO, "https://t.me/s/example_news", options(), Progress.NONE);

        assertThat(s.summary()).startsWith("new=8 ").endsWith("failed=0");
        assertThat(s.status()).isEqualTo(Source.FINISHED);
        assertThat(site.requests).extracting(StaticSite.Request::pathAndQuery).containsExactly("/s/example_news",
                "/s/example_news?before=101", "/media/photo99.jpg", "/s/example_news?before=98",
                "/media/video97.mp4");
        assertThat(site.requests).allSatisfy(r -> assertThat(r.userAgent()).startsWith("OpenIRU/"));

        assertThat(text("https://t.me/example_news/101")).startsWith("نشرة اصطناعية").contains("\nتفاصيل");
        assertThat(text("https://t.me/example_news/103")).contains("<script>not markup</script>");
        assertThat(text("https://t.me/example_news/99")).isEmpty();
        assertThat(outlinks("https://t.me/example_news/101")).containsExactly("https://example.org/weather");
        assertThat(outlinks("https://t.me/example_news/102")).containsExactly("https://news.example.com/markets");

        Map<String, Object> forward = row("""
                SELECT i.platform_id, f.handle, f.display_name, a.external_id AS actor, i.posted_at::text AS posted
                FROM items i JOIN actors f ON f.id = i.forwarded_from_actor_id JOIN actors a ON a.id = i.actor_id
                WHERE i.canonical_url = 'https://t.me/example_news/100'""");
        assertThat(forward).containsEntry("platform_id", telegram).containsEntry("handle", "other_outlet")
                .containsEntry("display_name", "[synthetic] Other Outlet")
                .containsEntry("actor", "username:example_news").containsEntry("posted", "2019-11-20 18:00:00+00");
        assertThat(row("""
                SELECT f.external_id FROM items i JOIN actors f ON f.id = i.forwarded_from_actor_id
                WHERE i.canonical_url = 'https://t.me/example_news/97'""")).containsEntry("external_id",
                "name:[synthetic] Hidden Sender");

        assertThat(row("""
                SELECT b.role, b.missing, l.media_type, l.size FROM item_blobs b JOIN items i ON i.id = b.item_id
                JOIN blobs l ON l.sha256 = b.blob_sha256 WHERE i.canonical_url = 'https://t.me/example_news/99'"""))
                .containsEntry("role", "photo").containsEntry("missing", false)
                .containsEntry("media_type", "image/jpeg").containsEntry("size", (long) PHOTO.length);
        assertThat(row("""
                SELECT b.role, l.media_type FROM item_blobs b JOIN items i ON i.id = b.item_id
                JOIN blobs l ON l.sha256 = b.blob_sha256 WHERE i.canonical_url = 'https://t.me/example_news/97'"""))
                .containsEntry("role", "video").containsEntry("media_type", "video/mp4");
    }

    @Test
    void stopsAtAMessageIdOrADateAndReportsDuplicatesWhenCollectedAgain() throws IOException {
        app.tme.collect(WHO, "example_news", options(), Progress.NONE);
        site.requests.clear();

        Source byId = app.tme.collect(WHO, "@example_news",
                new TmeCollector.Options(site.baseUrl(), null, 100L, 10, Duration.ZERO, 0, null), Progress.NONE);
        assertThat(byId.summary()).isEqualTo("new=0 updated=0 duplicate=3 failed=0");
        assertThat(site.requests).extracting(StaticSite.Request::pathAndQuery)
                .containsExactly("/s/example_news", "/s/example_news?before=101");

        Source byDate = app.tme.collect(WHO, "example_news", new TmeCollector.Options(site.baseUrl(),
                Instant.parse("2019-11-20T10:00:00Z"), null, 10, Duration.ZERO, 0, null), Progress.NONE);
        assertThat(byDate.summary()).isEqualTo("new=0 updated=0 duplicate=5 failed=0");
    }

    @Test
    void aRefusedPageEndsTheRunWithAnErrorAndKeepsWhatCameBefore() throws IOException {
        Source s = app.tme.collect(WHO, "example_news",
                new TmeCollector.Options(site.baseUrl() + "/missing", null, null, 10, Duration.ZERO, 0, null),
                Progress.NONE);
        assertThat(s.status()).isEqualTo(Source.FAILED);
        assertThat(s.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).endsWith("/missing/s/example_news");
            assertThat(e.position()).isEqualTo("page 1");
            assertThat(e.message()).startsWith("HTTP 404");
        });
    }

    static byte[] page(String name) throws IOException {
        try (InputStream in = TmeCollectorTest.class.getResourceAsStream("/ingest/tme/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{BASE}}", site.baseUrl())
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    static String text(String url) {
        return app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT v.text FROM items i JOIN item_versions v ON v.item_id = i.id
                        AND v.version = i.current_version WHERE i.canonical_url = ?""")
                .bind(0, url).mapTo(String.class).one());
    }

    static List<String> outlinks(String url) {
        return app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT o.url FROM outlinks o JOIN items i ON i.id = o.item_id WHERE i.canonical_url = ?
                        ORDER BY o.url""").bind(0, url).mapTo(String.class).list());
    }

    static Map<String, Object> row(String sql) {
        return app.db.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().one());
    }
}
