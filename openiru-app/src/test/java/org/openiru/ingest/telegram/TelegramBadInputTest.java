package org.openiru.ingest.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openiru.ingest.telegram.ExportFixture.chat;
import static org.openiru.ingest.telegram.ExportFixture.message;
import static org.openiru.ingest.telegram.ExportFixture.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.ingest.ImportError;
import org.openiru.ingest.Progress;
import org.openiru.ingest.Source;
import org.openiru.testing.FreshDatabase;

/** Broken and hostile exports: a clear error with file and place, the good part stored, nothing half-written. */
@ExtendWith(FreshDatabase.class)
class TelegramBadInputTest {
    static final Actor WHO = Actor.system("test");
    @TempDir
    static Path dir;
    static OpenIru app;

    @BeforeAll
    static void start(OpenIru started) {
        app = started;
    }

    @Test
    void aTruncatedFileStoresTheMessagesBeforeTheBreakAndSaysWhere() throws IOException {
        ObjectNode c = chat("[synthetic] Truncated", "private_channel", 5001);
        for (int i = 1; i <= 10; i++) {
            message(c, i, "message " + i + " [synthetic]");
        }
        Path file = write(dir.resolve("truncated"), c);
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.indexOf("message 7 [synthetic]")));

        Source s = importFile(file);

        assertThat(s.status()).isEqualTo(Source.FAILED);
        assertThat(s.summary()).isEqualTo("new=6 updated=0 duplicate=0 failed=0");
        ImportError e = s.errors().get(0);
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.position()).matches("line \\d+ column \\d+ \\(byte \\d+\\)");
        assertThat(e.message()).contains("end-of-input");
        assertThat(texts(5001)).hasSize(6).last().isEqualTo("message 6 [synthetic]");
    }

    @Test
    void invalidJsonIsReportedWithLineAndColumn() throws IOException {
        Path file = dir.resolve("invalid/result.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"name": "[synthetic] Invalid", "type": "private_channel", "id": 5002, "messages": [
                  {"id": 1, "type": "message", "date": "2019-11-21T10:15:00", "text": "fine [synthetic]"},
                  {"id": 2, "type": "message", "text": "broken" "missing comma"}
                ]}""");

        Source s = importFile(file);

        assertThat(s.status()).isEqualTo(Source.FAILED);
        assertThat(s.errors().get(0).position()).startsWith("line 3 column ");
        assertThat(texts(5002)).containsExactly("fine [synthetic]");
    }

    @Test
    void invalidUtf8IsReportedWithItsByteOffset() throws IOException {
        Path file = dir.resolve("encoding/result.json");
        Files.createDirectories(file.getParent());
        byte[] head = """
                {"name": "[synthetic] Latin-1", "type": "private_channel", "id": 5003, "messages": [
                  {"id": 1, "type": "message", "text": "fine [synthetic]"},
                  {"id": 2, "type": "message", "text": "caf""".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(head, head.length + 4);
        bytes[head.length] = (byte) 0xE9; // "é" in ISO-8859-1, not UTF-8
        System.arraycopy("\"}]}".getBytes(StandardCharsets.US_ASCII), 0, bytes, head.length + 1, 3);
        Files.write(file, bytes);

        Source s = importFile(file);

        assertThat(s.status()).isEqualTo(Source.FAILED);
        assertThat(s.errors().get(0).message()).containsIgnoringCase("UTF-8");
        // the parser reports where it stopped, just after the bad byte
        assertThat(Long.parseLong(s.errors().get(0).position().replaceAll(".*\\(byte (\\d+)\\)", "$1")))
                .isBetween((long) head.length, head.length + 4L);
        assertThat(texts(5003)).containsExactly("fine [synthetic]");
    }

    @Test
    void missingMediaFilesAreRecordedAsMissingAndTheImportGoesOn() throws IOException {
        ObjectNode c = chat("[synthetic] Missing media", "private_channel", 5004);
        message(c, 1, "photo gone [synthetic]").put("photo", "photos/photo_1@21-11-2019.jpg");
        message(c, 2, "after it [synthetic]");
        Source s = importFile(write(dir.resolve("missing"), c));

        assertThat(s.status()).isEqualTo(Source.FINISHED);
        assertThat(s.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=0");
        assertThat(query("SELECT original_name || ' missing=' || missing FROM item_blobs b JOIN items i "
                + "ON i.id = b.item_id WHERE i.external_container = 'channel5004'"))
                .containsExactly("photos/photo_1@21-11-2019.jpg missing=true");
    }

    @Test
    void aFiftyMegabyteSingleLineTextIsStoredWhole() throws IOException {
        Path file = dir.resolve("huge/result.json");
        Files.createDirectories(file.getParent());
        int length = 50 << 20;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("""
                    {"name":"[synthetic] Huge","type":"private_channel","id":5005,"messages":[{"id":1,"type":"message",\
                    "text":\"""".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "synthetic filler ".repeat(1024).getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < length; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, length - written));
            }
            out.write("\"}]}".getBytes(StandardCharsets.US_ASCII));
        }

        Source s = importFile(file);
        assertThat(s.summary()).isEqualTo("new=1 updated=0 duplicate=0 failed=0");
        assertThat(query("SELECT length(v.text) || ' ' || (v.text_sha256 = sha256(convert_to(v.text, 'UTF8'))) "
                + "FROM item_versions v JOIN items i ON i.id = v.item_id WHERE i.external_container = 'channel5005'"))
                .containsExactly(length + " true");

        // a smaller limit refuses it with a clear error instead
        Source limited = app.telegram.importExport(WHO, file, TelegramImporter.Options.defaults()
                .withMaxTextChars(1 << 20), Progress.NONE);
        assertThat(limited.status()).isEqualTo(Source.FAILED);
        assertThat(limited.errors().get(0).message()).contains("String value length").contains("exceeds");
    }

    @Test
    void deeplyNestedJsonStopsWithAClearError() throws IOException {
        Path file = dir.resolve("nested/result.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"name": "[synthetic] Nested", "type": "private_channel", "id": 5006, "messages": [
                  {"id": 1, "type": "message", "text": "fine [synthetic]"},
                  {"id": 2, "type": "message", "text": """ + "[".repeat(100_000) + "]".repeat(100_000) + "}]}");

        Source s = importFile(file);

        assertThat(s.status()).isEqualTo(Source.FAILED);
        assertThat(s.errors().get(0).message()).contains("nesting depth");
        assertThat(texts(5006)).containsExactly("fine [synthetic]");
    }

    @Test
    void unsafeFileNamesAreRefusedPerFileAndTheImportGoesOn() throws IOException {
        Path export = dir.resolve("unsafe");
        Files.createDirectories(export);
        Files.writeString(dir.resolve("secret.txt"), "outside the export");
        ObjectNode c = chat("[synthetic] Unsafe names", "private_channel", 5007);
        message(c, 1, "one [synthetic]").put("photo", "../secret.txt");
        message(c, 2, "two [synthetic]").put("file", "files/evil\u0007name.pdf");
        message(c, 3, "three [synthetic]").put("file", "/etc/passwd");
        Source s = importFile(write(export, c));

        assertThat(s.status()).isEqualTo(Source.FINISHED);
        assertThat(s.summary()).isEqualTo("new=3 updated=0 duplicate=0 failed=0");
        assertThat(s.errors()).extracting(ImportError::message).hasSize(3)
                .allMatch(m -> m.contains("refused"));
        assertThat(s.errors().get(0).position()).endsWith(", message 1");
        assertThat(query("SELECT count(*)::text FROM item_blobs b JOIN items i ON i.id = b.item_id "
                + "WHERE i.external_container = 'channel5007'")).containsExactly("0");
    }

    @Test
    void htmlAndScriptsInTextAreStoredAsTextAndNulBecomesTheReplacementCharacter() throws IOException {
        String html = "<script>alert('x')</script><a href=\"javascript:x()\">[synthetic]</a> \\ \t tab";
        ObjectNode c = chat("[synthetic] Markup", "private_channel", 5008);
        message(c, 1, html);
        message(c, 2, "nul\u0000here [synthetic]");
        Source s = importFile(write(dir.resolve("markup"), c));

        assertThat(s.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=0");
        assertThat(texts(5008)).containsExactly(html, "nul\uFFFDhere [synthetic]");
        assertThat(query("SELECT v.raw->>'text' FROM items i JOIN item_versions v ON v.item_id = i.id "
                + "WHERE i.external_container = 'channel5008' ORDER BY i.external_id::int"))
                .containsExactly(html, "nul\uFFFDhere [synthetic]");
    }

    private static Source importFile(Path file) throws IOException {
        return app.telegram.importExport(WHO, file, TelegramImporter.Options.defaults(), Progress.NONE);
    }

    private static List<String> texts(long chatId) {
        return query("SELECT v.text FROM items i JOIN item_versions v ON v.item_id = i.id WHERE i.external_container = "
                + "'channel" + chatId + "' ORDER BY i.external_id::int");
    }

    private static List<String> query(String sql) {
        return app.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }
}
