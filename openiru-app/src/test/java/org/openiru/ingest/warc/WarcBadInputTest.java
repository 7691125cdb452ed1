package org.openiru.ingest.warc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openiru.ingest.warc.WarcFixture.bomb;
import static org.openiru.ingest.warc.WarcFixture.concat;
import static org.openiru.ingest.warc.WarcFixture.gzip;
import static org.openiru.ingest.warc.WarcFixture.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.ingest.ImportError;
import org.openiru.ingest.Source;
import org.openiru.ingest.Progress;
import org.openiru.testing.FreshDatabase;

/** Hostile and broken web archives: each gives a clear error at its record, and the good records are kept. */
@ExtendWith(FreshDatabase.class)
class WarcBadInputTest {
    static final Actor WHO = Actor.system("test");
    @TempDir
    static Path dir;
    static OpenIru app;

    @BeforeAll
    static void start(OpenIru started) {
        app = started;
    }

    @Test
    void aCorruptRecordIsReportedByItsOffsetAndTheRecordsAroundItAreImported() throws IOException {
        byte[] first = gzip(page("https://corrupt.example/1", "<p>[synthetic] one</p>"));
        byte[] broken = gzip(page("https://corrupt.example/2", "<p>[synthetic] two, damaged on disk</p>"));
        for (int i = 20; i < broken.length - 8; i++) {
            broken[i] ^= (byte) 0x5A; // the deflate data, not the gzip header: the member no longer inflates
        }
        byte[] third = gzip(page("https://corrupt.example/3", "<p>[synthetic] three</p>"));
        Path warc = write("corrupt.warc.gz", concat(first, broken, third));

        Source s = app.warc.importWarc(WHO, warc, WarcImporter.Options.defaults(), Progress.NONE);

        assertThat(s.summary()).as(s.errors().toString()).isEqualTo("new=2 updated=0 duplicate=0 failed=1");
        assertThat(s.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(warc.toString());
            assertThat(e.position()).isEqualTo("record at byte " + first.length);
            assertThat(e.message()).startsWith("unreadable record");
        });
        assertThat(urls("corrupt.example")).containsExactly("https://corrupt.example/1", "https://corrupt.example/3");

        byte[] plainFirst = page("https://plain.example/1", "<p>[synthetic] one</p>");
        byte[] plainBroken = "WARC/1.0\r\nWARC-Type response\r\nno colons here\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        Path plain = write("corrupt.warc", concat(plainFirst, plainBroken, page("https://plain.example/3", "<p>three</p>")));
        Source p = app.warc.importWarc(WHO, plain, WarcImporter.Options.defaults(), Progress.NONE);
        assertThat(p.errors()).extracting(ImportError::position).containsExactly("record at byte " + plainFirst.length);
        assertThat(urls("plain.example")).containsExactly("https://plain.example/1", "https://plain.example/3");
    }

    @Test
    void aDecompressionBombIsRefusedOnceItInflatesPastTheLimit() throws IOException {
        byte[] before = gzip(page("https://bomb.example/before", "<p>[synthetic] before</p>"));
        byte[] bomb = bomb("https://bomb.example/bomb", 64L << 20, true);
        Path warc = write("bomb.warc.gz", concat(before, bomb, gzip(page("https://bomb.example/after", "<p>after</p>"))));
        assertThat(bomb.length).as("64 MiB of zeros compress to almost nothing").isLessThan(1 << 20);

        Source s = app.warc.importWarc(WHO, warc, new WarcImporter.Options(null, 1 << 20, 0), Progress.NONE);

        assertThat(s.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=1");
        assertThat(s.errors()).extracting(ImportError::toString).containsExactly(warc + ":record at byte "
                + before.length + ": the record inflates to more than the limit of " + (2 << 20) + " bytes; skipped");

        Source total = app.warc.importWarc(WHO, warc, new WarcImporter.Options(null, 128L << 20, 32L << 20),
                Progress.NONE);
        assertThat(total.status()).isEqualTo(Source.FAILED);
        assertThat(total.errors()).extracting(ImportError::message).containsExactly("the records add up to more than "
                + (32L << 20) + " bytes (decompressed); the rest of the file is not read");
    }

    @Test
    void aBombBehindAnUnderstatedLengthIsStoppedAtTheNextRecordStart() throws IOException {
        byte[] before = gzip(page("https://liar.example/before", "<p>[synthetic] before</p>"));
        byte[] bomb = bomb("https://liar.example/bomb", 512L << 20, false);
        Path warc = write("liar.warc.gz", concat(before, bomb, gzip(page("https://liar.example/after", "<p>after</p>"))));

        Source s = app.warc.importWarc(WHO, warc, WarcImporter.Options.defaults(), Progress.NONE);

        assertThat(urls("liar.example")).containsExactly("https://liar.example/after", "https://liar.example/before");
        assertThat(s.errors()).extracting(ImportError::position).containsExactly("record at byte " + before.length);
    }

    @Test
    void scriptsAreTextNeverRunAndJavascriptLinksAreNotOutlinks() throws IOException {
        Path warc = write("scripts.warc", page("https://scripts.example/", """
                <html><head><title>[synthetic] hostile</title><script>fetch('https://tracker.example/x')</script>
                <style>body{display:none}</style></head><body onload="alert(1)">
                <p>[synthetic] visible &lt;script&gt;shown as text&lt;/script&gt;</p>
                <a href="javascript:alert(document.cookie)">click</a> <a href="https://ok.example/page">ok</a>
                <img src="x" onerror="alert(2)"></body></html>"""));

        Source s = app.warc.importWarc(WHO, warc, WarcImporter.Options.defaults(), Progress.NONE);

        assertThat(s.summary()).isEqualTo("new=1 updated=0 duplicate=0 failed=0");
        assertThat(WarcImportTest.textOf(app, "https://scripts.example/"))
                .isEqualTo("[synthetic] hostile\n\n[synthetic] visible <script>shown as text</script> click ok");
        assertThat(WarcImportTest.outlinksOf(app, "https://scripts.example/")).containsExactly("https://ok.example/page");
    }

    @Test
    void targetUrisWithDotSegmentsOrControlCharactersNeverNameAFile() throws IOException {
        byte[] dots = page("https://names.example/a/../../../etc/passwd", "<p>[synthetic] dots</p>");
        Path warc = write("names.warc", concat(dots,
                page("https://names.example/bell\u0007\u001b[2J", "<p>[synthetic] control characters</p>"),
                page("https://names.example/fine", "<p>[synthetic] fine</p>")));

        Source s = app.warc.importWarc(WHO, warc, WarcImporter.Options.defaults(), Progress.NONE);

        assertThat(s.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=1");
        assertThat(s.errors()).singleElement().satisfies(e -> {
            assertThat(e.position()).isEqualTo("record at byte " + dots.length);
            assertThat(e.message()).contains("bell<-- HERE -->\\x07\\x1b[2J");
        });
        assertThat(urls("names.example")).contains("https://names.example/etc/passwd", "https://names.example/fine")
                .allSatisfy(u -> assertThat(u).doesNotContain("\u0007", "\u001b", ".."));
        assertThat(s.errors()).allSatisfy(e -> assertThat(e.message()).doesNotContain("\u0007", "\u001b"));
        try (Stream<Path> files = Files.walk(app.config.dataDir())) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .noneMatch(n -> n.contains("passwd") || n.contains("bell"));
        }
    }

    static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static List<String> urls(String host) {
        return app.db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT canonical_url FROM items WHERE canonical_url LIKE ? ORDER BY canonical_url")
                .bind(0, "https://" + host + "/%").mapTo(String.class).list());
    }
}
