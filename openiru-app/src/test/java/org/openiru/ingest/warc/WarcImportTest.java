package org.openiru.ingest.warc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.ingest.Source;
import org.openiru.ingest.Progress;
import org.openiru.testing.StaticSite;
import org.openiru.testing.FreshDatabase;

/** Records a small synthetic site with real wget ({@code --warc-file}) and imports the archive. */
@ExtendWith(FreshDatabase.class)
class WarcImportTest {
    static final Actor WHO = Actor.system("test");
    static final String HTML = "text/html; charset=utf-8";
    /** A PNG signature and a few bytes: enough for the sniffer, never decoded. */
    static final byte[] LOGO = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1};
    static final byte[] UNSHOWN = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 2};
    @TempDir
    static Path dir;
    static OpenIru app;
    static StaticSite site;
    static Path warc;

    @BeforeAll
    static void recordTheSite(OpenIru started) throws Exception {
        requireWget();
        app = started;
        site = new StaticSite()
                .serve("/", HTML, page("<title>[synthetic] الصفحة الرئيسية</title>", """
                        <h1>موقع اصطناعي للاختبار</h1><p>نص عربي محايد عن الطقس.</p>
                        <img src="/img/logo.png" alt="">
                        <a href="/a.html">English page</a> <a href="b.html">page b</a>
                        <a href="https://example.org/elsewhere?utm_source=x">elsewhere</a>
                        <a href="/img/unshown.png">a picture</a> <a href="/missing.html">gone</a>
                        <script>document.title = 'never run';</script>"""))
                .serve("/a.html", HTML, page("<title>[synthetic] Page A</title>", """
                        <p>[synthetic] Neutral English text about the weather.</p><img src="img/logo.png">
                        <a href="/">home</a>"""))
                .serve("/b.html", HTML, page("<title>[synthetic] Page B</title>", """
                        <p>[synthetic] Page b links on.</p><a href="/c.html">page c</a>"""))
                .serve("/c.html", HTML, page("<title>[synthetic] Page C</title>", "<p>[synthetic] The end.</p>"))
                .serve("/img/logo.png", "image/png", LOGO)
                .serve("/img/unshown.png", "image/png", UNSHOWN);
        Process wget = new ProcessBuilder("wget", "--recursive", "--level=3", "--page-requisites", "--no-verbose",
                "--tries=1", "--directory-prefix=" + dir.resolve("mirror"), "--warc-file=" + dir.resolve("site"),
                site.baseUrl() + "/").redirectErrorStream(true).redirectOutput(dir.resolve("wget.log").toFile())
                .start();
        assertThat(wget.waitFor(120, TimeUnit.SECONDS)).as("wget finished").isTrue();
        warc = dir.resolve("site.warc.gz");
        assertThat(warc).as(Files.readString(dir.resolve("wget.log"))).isRegularFile();
    }

    /** The archive must come from real wget: CI installs it (.ci/run); elsewhere the test is skipped without it. */
    static void requireWget() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/wget")) || Files.isExecutable(Path.of("/bin/wget"));
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("wget is not installed; WarcImportTest records its archive with real wget (apt-get install wget)");
        }
        Assumptions.assumeTrue(present, "wget is not installed; skipped outside CI");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
        if (app != null) {
            app.close();
        }
    }

    static byte[] page(String head, String body) {
        return ("<!DOCTYPE html><!-- SYNTHETIC test page for OpenIRU --><html lang=\"ar\"><head><meta charset=\"utf-8\">"
                + head + "</head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyPageBecomesAnItemWithTextLinksAndImagesAndTheImportIsIdempotent() throws IOException {
        Source s = app.warc.importWarc(WHO, warc, WarcImporter.Options.defaults(), Progress.NONE);

        String base = site.baseUrl();
        assertThat(s.summary()).as(s.errors().toString()).isEqualTo("new=5 updated=0 duplicate=0 failed=0");
        assertThat(s.status()).isEqualTo(Source.FINISHED);
        assertThat(s.skippedCount()).as("the 404s of /missing.html and /robots.txt").isEqualTo(2);

        String home = text(base + "/");
        assertThat(home).startsWith("[synthetic] الصفحة الرئيسية\n\nموقع اصطناعي للاختبار نص عربي محايد")
                .doesNotContain("never run");
        assertThat(outlinks(base + "/")).containsExactlyInAnyOrder(base + "/a.html", base + "/b.html",
                "https://example.org/elsewhere", base + "/img/unshown.png", base + "/missing.html");
        assertThat(media(base + "/")).containsExactlyInAnyOrder("file text",
                "photo image/png");
        assertThat(media(base + "/a.html")).contains("photo image/png");
        assertThat(media(base + "/img/unshown.png")).containsExactly("photo image/png");
        assertThat(text(base + "/img/unshown.png")).isEmpty();
        String actor = app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT a.kind || ' ' || a.handle FROM items i JOIN actors a ON a.id = i.actor_id
                WHERE i.canonical_url = ?""").bind(0, base + "/c.html").mapTo(String.class).one());
        assertThat(actor).isEqualTo("site 127.0.0.1");

        Source again = app.warc.importWarc(WHO, warc, WarcImporter.Options.defaults(), Progress.NONE);
        assertThat(again.summary()).isEqualTo("new=0 updated=0 duplicate=5 failed=0");
    }

    static String text(String url) {
        return textOf(app, url);
    }

    static List<String> outlinks(String url) {
        return outlinksOf(app, url);
    }

    static String textOf(OpenIru app, String url) {
        return app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT v.text FROM items i JOIN item_versions v ON v.item_id = i.id
                        AND v.version = i.current_version WHERE i.canonical_url = ?""")
                .bind(0, url).mapTo(String.class).one());
    }

    static List<String> outlinksOf(OpenIru app, String url) {
        return app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT o.url FROM outlinks o JOIN items i ON i.id = o.item_id WHERE i.canonical_url = ?""")
                .bind(0, url).mapTo(String.class).list());
    }

    /** "role media-type" of each file of the item; the HTML snapshot's type sniffs as unknown ("text"). */
    static List<String> media(String url) {
        return app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT b.role || ' ' || CASE WHEN l.media_type LIKE 'image/%' THEN l.media_type ELSE 'text' END
                        FROM item_blobs b JOIN items i ON i.id = b.item_id JOIN blobs l ON l.sha256 = b.blob_sha256
                        WHERE i.canonical_url = ?""").bind(0, url).mapTo(String.class).list());
    }
}
