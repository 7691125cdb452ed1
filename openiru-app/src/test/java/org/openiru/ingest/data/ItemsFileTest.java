package org.openiru.ingest.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.ingest.ImportError;
import org.openiru.ingest.Source;
import org.openiru.ingest.Progress;
import org.openiru.platform.PlatformInput;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestApp;

/** URL lists (CSV) and items as JSON Lines, good and bad (all content synthetic). */
@ExtendWith(FreshDatabase.class)
class ItemsFileTest {
    static final Actor WHO = Actor.system("test");
    static final int MAX_LINE = ItemsFile.DEFAULT_MAX_LINE_BYTES;
    @TempDir
    static Path dir;
    static OpenIru app;
    static long files;

    @BeforeAll
    static void start(OpenIru started) {
        app = started;
        TestApp.telegramPlatform(app);
        files = app.platforms.create(WHO, new PlatformInput("files", "[synthetic] Files", "file_hosting",
                List.of("files.example"), "", "", "", List.of("en"), "", "")).id();
    }

    @Test
    void aUrlListBecomesItemsWithoutTextAndIsIdempotent() throws IOException {
        Path csv = write("list.csv", """
                url,platform,note
                https://t.me/example_list/1?utm_source=x,,"[synthetic] first, with a comma"
                https://files.example/f/abc
                "https://other.example/page#top",files
                """);

        Source s = app.itemsFiles.importCsv(WHO, csv, null, MAX_LINE, Progress.NONE);

        assertThat(s.summary()).as(s.errors().toString()).isEqualTo("new=3 updated=0 duplicate=0 failed=0");
        assertThat(row("https://t.me/example_list/1")).containsEntry("text", "")
                .containsEntry("note", "[synthetic] first, with a comma").containsEntry("slug", "telegram");
        assertThat(row("https://files.example/f/abc")).containsEntry("slug", "files");
        assertThat(row("https://other.example/page")).containsEntry("slug", "files");
        assertThat(app.itemsFiles.importCsv(WHO, csv, null, MAX_LINE, Progress.NONE).summary())
                .isEqualTo("new=0 updated=0 duplicate=3 failed=0");
    }

    @Test
    void jsonLinesCarryActorsTimesOutlinksAndRawRecords() throws IOException {
        Path jsonl = write("items.jsonl", """
                {"url":"https://t.me/example_jsonl/7","actor":{"id":"channel77","handle":"example_jsonl","name":"[synthetic] J","kind":"channel"},"posted_at":"2019-11-21T10:00:00+01:00","text":"نص اصطناعي hxxps://example[.]org/doc","outlinks":["https://files.example/f/1"],"raw":{"origin":"[synthetic] tool"}}

                {"url":"https://example.net/a","text":"[synthetic] plain"}
                """);

        Source s = app.itemsFiles.importJsonl(WHO, jsonl, "jsonl test", MAX_LINE, Progress.NONE);

        assertThat(s.summary()).as(s.errors().toString()).isEqualTo("new=2 updated=0 duplicate=0 failed=0");
        Map<String, Object> item = app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT a.external_id, a.handle, a.kind, i.posted_at::text AS posted, v.raw -> 'raw' ->> 'origin' AS origin,
                    (SELECT string_agg(url, ' ' ORDER BY url) FROM outlinks o WHERE o.item_id = i.id) AS links
                FROM items i JOIN actors a ON a.id = i.actor_id JOIN item_versions v ON v.item_id = i.id
                WHERE i.canonical_url = 'https://t.me/example_jsonl/7'""").mapToMap().one());
        assertThat(item).containsEntry("external_id", "channel77").containsEntry("kind", "channel")
                .containsEntry("posted", "2019-11-21 09:00:00+00").containsEntry("origin", "[synthetic] tool")
                .containsEntry("links", "https://files.example/f/1");
    }

    @Test
    void aUrlListNamingAnItemAlreadyCollectedDoesNotBlankItsText() throws IOException {
        Path jsonl = write("known.jsonl", """
                {"url":"https://example.net/known","text":"[synthetic] the text as collected"}
                """);
        app.itemsFiles.importJsonl(WHO, jsonl, null, MAX_LINE, Progress.NONE);
        Path csv = write("known.csv", "https://example.net/known\n");

        Source s = app.itemsFiles.importCsv(WHO, csv, null, MAX_LINE, Progress.NONE);

        assertThat(s.summary()).isEqualTo("new=0 updated=0 duplicate=1 failed=0");
        assertThat(row("https://example.net/known")).containsEntry("text", "[synthetic] the text as collected");
    }

    @Test
    void schemaErrorsNameTheLineAndTheField() throws IOException {
        Path jsonl = write("bad.jsonl", """
                {"url":"https://example.net/ok1"}
                {"url":"javascript:alert(1)"}
                {"url":"https://example.net/x","postedAt":"2019"}
                {"url":"https://example.net/y","posted_at":"yesterday"}
                {"url":"https://example.net/z","media":[{"role":"photo","sha256":"%s"}]}
                {"url":
                {"url":"https://example.net/ok2"}
                """.formatted("ab".repeat(32)));

        Source s = app.itemsFiles.importJsonl(WHO, jsonl, null, MAX_LINE, Progress.NONE);

        assertThat(s.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=5");
        assertThat(s.errors()).extracting(ImportError::position).containsExactly("line 2", "line 3", "line 4",
                "line 5", "line 6");
        assertThat(s.errors()).extracting(ImportError::message).satisfiesExactly(
                m -> assertThat(m).startsWith("url: not a web address"),
                m -> assertThat(m).startsWith("\"postedAt\": unknown field"),
                m -> assertThat(m).startsWith("posted_at: not an ISO-8601 time"),
                m -> assertThat(m).contains("is not a blob in the evidence store"),
                m -> assertThat(m).startsWith("not JSON"));
    }

    @Test
    void aFiftyMegabyteLineIsRefusedByNumberInBoundedMemory() throws IOException {
        Path jsonl = dir.resolve("huge.jsonl");
        try (OutputStream out = Files.newOutputStream(jsonl)) {
            out.write("{\"url\":\"https://example.net/before\"}\n{\"url\":\"https://example.net/huge\",\"text\":\""
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\"}\n{\"url\":\"https://example.net/after\"}\n".getBytes(StandardCharsets.UTF_8));
        }

        Source s = app.itemsFiles.importJsonl(WHO, jsonl, null, 1 << 20, Progress.NONE);

        assertThat(s.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=1");
        assertThat(s.errors()).extracting(ImportError::toString).containsExactly(jsonl + ":line 2: the line is "
                + "longer than the limit of 1048576 bytes; it was skipped");
    }

    @Test
    void invalidUtf8IsReportedWithLineAndByteOffset() throws IOException {
        byte[] good = "https://example.net/u1\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'h', 't', 't', 'p', 's', ':', '/', '/', 'e', 'x', '.', 'n', 'e', 't', '/', (byte) 0xC3, '(', '\n'};
        Path csv = dir.resolve("latin.csv");
        Files.write(csv, concat(good, bad, "https://example.net/u3\n".getBytes(StandardCharsets.UTF_8)));
        Path jsonl = dir.resolve("latin.jsonl");
        Files.write(jsonl, concat("{\"url\":\"https://example.net/j".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {(byte) 0xE9}, "\"}\n".getBytes(StandardCharsets.US_ASCII)));

        Source fromCsv = app.itemsFiles.importCsv(WHO, csv, null, MAX_LINE, Progress.NONE);
        Source fromJsonl = app.itemsFiles.importJsonl(WHO, jsonl, null, MAX_LINE, Progress.NONE);

        assertThat(fromCsv.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=1");
        assertThat(fromCsv.errors()).extracting(ImportError::position)
                .containsExactly("line 2 (byte " + (good.length + 15) + ")");
        assertThat(fromCsv.errors().get(0).message()).startsWith("not valid UTF-8: byte 0xc3");
        assertThat(fromJsonl.errors()).extracting(ImportError::position).containsExactly("line 1 (byte 29)");
    }

    @Test
    void wrongColumnCountsAndHostileNamesAreRefusedByLine() throws IOException {
        Path csv = write("columns.csv", """
                https://example.net/c1,,note,extra
                https://example.net/c2
                ../../etc/passwd
                https://example.net/%1b%5b2J\u0007
                "https://example.net/unclosed
                https://example.net/c3,no_such_platform
                """);

        Source s = app.itemsFiles.importCsv(WHO, csv, null, MAX_LINE, Progress.NONE);

        assertThat(s.errors()).extracting(e -> e.position() + " " + e.message()).satisfiesExactly(
                e -> assertThat(e).isEqualTo("line 1 expected 1 to 3 columns (url, platform, note), found 4"),
                e -> assertThat(e).startsWith("line 3 url: not a web address: \"../../etc/passwd\""),
                e -> assertThat(e).isEqualTo("line 5 not CSV: (startline 1) EOF reached before encapsulated token "
                        + "finished"),
                e -> assertThat(e).startsWith("line 6 platform: no platform with the short name"));
        assertThat(s.newCount()).isEqualTo(2);
        // escapes stay percent-encoded; the trailing BEL is trimmed with the field's white space
        assertThat(row("https://example.net/%1B%5B2J")).containsEntry("text", "");
    }

    static Map<String, Object> row(String url) {
        return app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT v.text, v.raw -> 'raw' ->> 'note' AS note, p.slug FROM items i
                JOIN item_versions v ON v.item_id = i.id LEFT JOIN platforms p ON p.id = i.platform_id
                WHERE i.canonical_url = ?""").bind(0, url).mapToMap().one());
    }

    static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
