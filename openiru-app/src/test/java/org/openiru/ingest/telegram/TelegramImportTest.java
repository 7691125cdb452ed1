package org.openiru.ingest.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openiru.ingest.telegram.ExportFixture.account;
import static org.openiru.ingest.telegram.ExportFixture.chat;
import static org.openiru.ingest.telegram.ExportFixture.message;
import static org.openiru.ingest.telegram.ExportFixture.write;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
import org.openiru.ingest.ItemTables;
import org.openiru.ingest.Progress;
import org.openiru.ingest.Source;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestApp;

@ExtendWith(FreshDatabase.class)
class TelegramImportTest {
    static final Actor WHO = Actor.system("test");
    @TempDir
    static Path dir;
    static OpenIru app;
    static long telegram;

    @BeforeAll
    static void start(OpenIru started) {
        app = started;
        telegram = TestApp.telegramPlatform(app);
    }

    @Test
    void importsAPublicChannelWithTextPartsEntitiesRepliesForwardsAndMedia() throws IOException {
        Path export = dir.resolve("channel");
        ObjectNode channel = chat("[synthetic] Example Outlet", "public_channel", 1001);
        ObjectNode first = message(channel, 1, "");
        ArrayNode parts = first.putArray("text");
        parts.add("Report [synthetic] ").addObject().put("type", "text_link").put("text", "here")
                .put("href", "https://files.example.org/report.pdf?utm_source=x");
        parts.add(" #news ");
        parts.addObject().put("type", "link").put("text", "https://example.org/a");
        first.remove("text_entities");
        first.put("photo", "photos/photo_1.jpg").put("edited_unixtime", "1574400000");
        Files.createDirectories(export.resolve("photos"));
        Files.write(export.resolve("photos/photo_1.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1});
        message(channel, 2, "a reply [synthetic]").put("reply_to_message_id", 1)
                .put("forwarded_from", "[synthetic] Other Outlet").put("forwarded_from_id", "channel2002")
                .put("file", "(File not included. Change data exporting settings to download.)")
                .put("media_type", "video_file").put("file_name", "clip.mp4");
        ((ArrayNode) channel.get("messages")).addObject().put("id", 3).put("type", "service")
                .put("action", "pin_message");

        Source s = app.telegram.importExport(WHO, write(export, channel),
                TelegramImporter.Options.defaults().withChannelUsername("Example_Outlet"), Progress.NONE);

        assertThat(s.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=0");
        assertThat(s.skippedCount()).isEqualTo(1);
        assertThat(s.status()).isEqualTo(Source.FINISHED);
        Map<String, Object> item = row("""
                SELECT i.canonical_url, i.platform_id, i.external_container, i.external_id, a.display_name AS actor,
                       a.handle, a.kind, v.text, v.edited_at IS NOT NULL AS edited, i.posted_at::text AS posted
                FROM items i JOIN actors a ON a.id = i.actor_id
                JOIN item_versions v ON v.item_id = i.id AND v.version = 1
                WHERE i.canonical_url = 'https://t.me/example_outlet/1'""");
        assertThat(item).containsEntry("platform_id", telegram).containsEntry("external_container", "channel1001")
                .containsEntry("external_id", "1").containsEntry("actor", "[synthetic] Example Outlet")
                .containsEntry("handle", "Example_Outlet").containsEntry("kind", "channel")
                .containsEntry("text", "Report [synthetic] here #news https://example.org/a")
                .containsEntry("edited", true).containsEntry("posted", "2019-11-21 10:15:01+00");
        assertThat(row("""
                SELECT b.role, b.original_name, b.missing, bl.media_type FROM item_blobs b
                JOIN items i ON i.id = b.item_id JOIN blobs bl ON bl.sha256 = b.blob_sha256
                WHERE i.canonical_url = 'https://t.me/example_outlet/1'""")).containsEntry("role", "photo")
                .containsEntry("original_name", "photos/photo_1.jpg").containsEntry("missing", false)
                .containsEntry("media_type", "image/jpeg");
        assertThat(row("""
                SELECT i.reply_to, f.external_id AS fwd, f.display_name AS fwd_name, b.role, b.original_name,
                       b.missing
                FROM items i JOIN actors f ON f.id = i.forwarded_from_actor_id JOIN item_blobs b ON b.item_id = i.id
                WHERE i.canonical_url = 'https://t.me/example_outlet/2'"""))
                .containsEntry("reply_to", "1").containsEntry("fwd", "channel2002")
                .containsEntry("fwd_name", "[synthetic] Other Outlet").containsEntry("role", "video")
                .containsEntry("original_name", "clip.mp4").containsEntry("missing", true);
        assertThat(strings("""
                SELECT o.url || ' ' || o.host FROM outlinks o JOIN items i ON i.id = o.item_id
                WHERE i.canonical_url = 'https://t.me/example_outlet/1' ORDER BY o.url"""))
                .containsExactly("https://example.org/a example.org",
                        "https://files.example.org/report.pdf files.example.org");
        assertThat(row("SELECT raw->>'photo' AS photo FROM item_versions v JOIN items i ON i.id = v.item_id "
                + "WHERE i.canonical_url = 'https://t.me/example_outlet/1'")).containsEntry("photo", "photos/photo_1.jpg");
    }

    @Test
    void theRawRecordIsTheMessageAsTheExportWroteItByteForByte() throws IOException {
        String message = "{ \"id\" : 7,\n   \"type\": \"message\", \"date\": \"2019-11-21T10:00:00\",\n"
                + "   \"text\": \"caf\\u00e9 \\\"quoted\\\" نص [synthetic]\", \"extra\": [1, 2.50, {\"z\": null}] }";
        Path file = dir.resolve("verbatim.json");
        Files.writeString(file, "{\"name\": \"[synthetic] Verbatim\", \"type\": \"private_channel\", \"id\": 1009,\n"
                + " \"messages\": [\n  " + message + " ,\n" + message.replace("\"id\" : 7", "\"id\" : 8") + "\n ]}\n");
        Source s = app.telegram.importExport(WHO, file, TelegramImporter.Options.defaults(), Progress.NONE);

        assertThat(s.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=0");
        assertThat(strings("SELECT v.raw::text FROM item_versions v JOIN items i ON i.id = v.item_id "
                + "WHERE i.external_container = 'channel1009' ORDER BY i.external_id"))
                .containsExactly(message, message.replace("\"id\" : 7", "\"id\" : 8"));
        assertThat(strings("SELECT v.raw->>'text' FROM item_versions v JOIN items i ON i.id = v.item_id "
                + "WHERE i.external_container = 'channel1009' AND i.external_id = '7'"))
                .containsExactly("caf\u00e9 \"quoted\" نص [synthetic]");
    }

    @Test
    void reImportingReportsDuplicatesAndChangesNoRowButAChangedTextIsANewVersion() throws IOException {
        Path export = dir.resolve("again");
        ObjectNode group = chat("[synthetic] Discussion", "private_supergroup", 3003);
        for (int i = 1; i <= 5; i++) {
            message(group, i, "message " + i + " [synthetic]").put("from", "User " + i).put("from_id", "user" + i);
        }
        Path file = write(export, group);
        Source first = app.telegram.importExport(WHO, file, TelegramImporter.Options.defaults(),
                Progress.NONE);
        assertThat(first.summary()).isEqualTo("new=5 updated=0 duplicate=0 failed=0");
        String before = snapshot();

        Source second = app.telegram.importExport(WHO, file, TelegramImporter.Options.defaults(),
                Progress.NONE);
        assertThat(second.summary()).isEqualTo("new=0 updated=0 duplicate=5 failed=0");
        assertThat(snapshot()).isEqualTo(before);

        ((ObjectNode) group.get("messages").get(2)).put("text", "message 3, edited [synthetic]");
        Source third = app.telegram.importExport(WHO, write(export, group), TelegramImporter.Options.defaults(),
                Progress.NONE);
        assertThat(third.summary()).isEqualTo("new=0 updated=1 duplicate=4 failed=0");
        assertThat(row("""
                SELECT i.current_version, a.kind, a.external_id AS author, string_agg(v.text, ' | ' ORDER BY v.version) AS texts
                FROM items i JOIN item_versions v ON v.item_id = i.id JOIN actors a ON a.id = i.actor_id
                WHERE i.canonical_url = 'tg-private://3003/3' GROUP BY i.id, a.id"""))
                .containsEntry("current_version", 2).containsEntry("kind", "user").containsEntry("author", "user3")
                .containsEntry("texts", "message 3 [synthetic] | message 3, edited [synthetic]");
        assertThat(app.audit.count()).isGreaterThanOrEqualTo(6); // started + finished per source, not per item
    }

    @Test
    void importsEveryChatOfAFullAccountExportAndResolvesForwardsByName() throws IOException {
        ObjectNode a = chat("[synthetic] Outlet A", "public_channel", 4001);
        a.remove("messages");
        a.put("username", "outlet_a").putArray("messages"); // the header comes before the messages
        message(a, 10, "from A [synthetic]");
        ObjectNode b = chat("[synthetic] Outlet B", "private_channel", 4002);
        message(b, 20, "forwarded [synthetic]").put("forwarded_from", "[synthetic] Outlet A");
        Source s = app.telegram.importExport(WHO, write(dir.resolve("account"), account(a, b)).getParent(),
                TelegramImporter.Options.defaults(), Progress.NONE);

        assertThat(s.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=0");
        assertThat(row("""
                SELECT f.external_id AS fwd, f.handle FROM items i JOIN actors f ON f.id = i.forwarded_from_actor_id
                WHERE i.canonical_url = 'tg-private://4002/20'"""))
                .containsEntry("fwd", "channel4001").containsEntry("handle", "outlet_a");
        assertThat(row("SELECT count(*) AS n FROM items WHERE canonical_url = 'https://t.me/outlet_a/10'"))
                .containsEntry("n", 1L);
    }

    static List<String> strings(String sql) {
        return ItemTables.strings(app, sql);
    }

    static Map<String, Object> row(String sql) {
        return app.db.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().one());
    }

    static String snapshot() {
        return ItemTables.snapshot(app);
    }
}
