package org.openiru.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.ingest.telegram.ExportFixture;
import org.openiru.ingest.telegram.TelegramImporter;
import org.openiru.testing.TestApp;

/** The pages of collected content, over real HTTP, after real imports ([synthetic] content only). */
class IngestPagesTest {
    private static final String HOSTILE = "<script>alert(1)</script> بيان [synthetic] https://example.org/a";
    private static TestApp t;
    private static long platformUserId;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        t.app.startWorkers();
        long telegram = TestApp.telegramPlatform(t.app);
        t.user("collector", Role.ANALYST);
        platformUserId = t.platformUser("tg-staff", telegram).id();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void anUploadedExportIsKeptAsEvidenceImportedInTheBackgroundAndShown(@TempDir Path dir) throws Exception {
        ObjectNode chat = publicChannel("Synthetic Outlet", 4401, "synthetic_outlet");
        ExportFixture.message(chat, 7, HOSTILE);
        ExportFixture.message(chat, 8, "[synthetic] neutral filler, second message");
        Path export = ExportFixture.write(dir, chat);

        HttpClient c = TestApp.browserlessClient();
        String csrf = t.login(c, "collector");
        HttpResponse<String> r = upload(c, csrf, "telegram_export", export);
        assertThat(r.statusCode()).isEqualTo(302);
        Source source = waitForFinishedSource("result.json");
        assertThat(source.newCount()).isEqualTo(2);
        assertThat(source.location()).isNotBlank();

        String sources = t.get(c, "/sources").body();
        assertThat(sources).contains("result.json", "Telegram export");

        HttpResponse<String> list = t.get(c, "/items?q=" + java.net.URLEncoder.encode("بيان", StandardCharsets.UTF_8));
        assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        long itemId = t.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM items WHERE canonical_url = 'https://t.me/synthetic_outlet/7'").mapTo(Long.class).one());
        String page = t.get(c, "/items/" + itemId).body();
        assertThat(page).contains("dir=\"auto\"", "https://example.org/a", "&lt;script&gt;", "Synthetic Outlet")
                .doesNotContain("<script>alert");
        assertThat(t.get(c, "/api/v1/items?q=second").body()).contains("https://t.me/synthetic_outlet/8")
                .doesNotContain("synthetic_outlet/7");
    }

    @Test
    void mediaAreBlurredAndServedSandboxedOnlyToTheUnit(@TempDir Path dir) throws Exception {
        ObjectNode chat = publicChannel("Synthetic Media Outlet", 4402, "synthetic_media");
        ExportFixture.message(chat, 1, "[synthetic] a post with a picture").put("photo", "photos/p1.png");
        Path export = ExportFixture.write(dir, chat);
        Files.createDirectories(dir.resolve("photos"));
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Files.write(dir.resolve("photos/p1.png"), png.toByteArray());
        t.app.telegram.importExport(Actor.system("test"), export, TelegramImporter.Options.defaults(),
                Progress.NONE);

        HttpClient c = TestApp.browserlessClient();
        t.login(c, "collector");
        long itemId = t.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM items WHERE canonical_url = 'https://t.me/synthetic_media/1'").mapTo(Long.class).one());
        String page = t.get(c, "/items/" + itemId).body();
        String sha = page.replaceAll("(?s).*src=\"/evidence/([0-9a-f]{64})\".*", "$1");
        assertThat(sha).hasSize(64);
        assertThat(page).contains("class=\"media-guard\" src=\"/evidence/" + sha);

        HttpResponse<String> file = t.get(c, "/evidence/" + sha);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(file.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox");

        HttpClient platform = TestApp.browserlessClient();
        t.login(platform, "tg-staff");
        assertThat(t.get(platform, "/evidence/" + sha).statusCode()).isEqualTo(403);
        assertThat(t.get(platform, "/items/" + itemId).statusCode()).isEqualTo(403);
        assertThat(t.get(c, "/evidence/" + "0".repeat(64)).statusCode()).isEqualTo(404);
        assertThat(t.get(c, "/evidence/..%2F..%2Fetc%2Fpasswd").statusCode()).isIn(400, 404);

        long actorId = t.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT actor_id FROM items WHERE id = ?").bind(0, itemId).mapTo(Long.class).one());
        assertThat(t.get(c, "/actors/" + actorId).body()).contains("Synthetic Media Outlet", "<svg class=\"timeline\"");
        assertThat(platformUserId).isPositive();
    }

    @Test
    void anUploadWithoutAFileOrWithAnUnknownKindIsRefusedNamingTheField() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String csrf = t.login(c, "collector");
        Path empty = Files.createTempFile("empty", ".json");
        HttpResponse<String> r = upload(c, csrf, "telegram_export", empty);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("data-testid=\"form-error\"");
        Path some = Files.writeString(Files.createTempFile("x", ".json"), "{}");
        assertThat(upload(c, csrf, "floppy", some).statusCode()).isEqualTo(400);
    }

    /** A public channel whose user name comes before its messages, where a streaming reader sees it. */
    private static ObjectNode publicChannel(String name, long id, String username) {
        ObjectNode chat = ExportFixture.chat(name, "public_channel", id);
        var messages = chat.remove("messages");
        chat.put("username", username);
        chat.set("messages", messages);
        return chat;
    }

    private static HttpResponse<String> upload(HttpClient c, String csrf, String kind, Path file) throws Exception {
        String boundary = "----openiru" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "_csrf", null, csrf.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "kind", null, kind.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "file", file.getFileName().toString().startsWith("result") ? "result.json"
                : file.getFileName().toString(), Files.readAllBytes(file));
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(t.url("/sources/upload")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return c.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] data)
            throws java.io.IOException {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/json")
                + "\r\n\r\n";
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(data);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** Waits (at most a minute) for the background import of the named upload to end. */
    private static Source waitForFinishedSource(String name) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var done = t.app.ingest.sources.recent(20).stream()
                    .filter(s -> s.name().equals(name) && !Source.RUNNING.equals(s.status())).findFirst();
            if (done.isPresent()) {
                return done.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The upload of " + name + " was not imported within a minute; jobs: "
                + t.app.db.jdbi().withHandle(h -> h.createQuery("SELECT state, attempts, last_error FROM jobs "
                + "WHERE queue = ?").bind(0, UploadImports.QUEUE).mapToMap().list()));
    }
}
