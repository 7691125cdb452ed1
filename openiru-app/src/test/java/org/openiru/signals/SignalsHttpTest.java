package org.openiru.signals;

import org.openiru.testing.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.app.Json;
import org.openiru.auth.Role;
import org.openiru.testing.TestApp;

/** OpenIRU's own signals API and pages over real HTTP, bad uploads included. */
class SignalsHttpTest {
    private static TestApp t;
    private static Http supervisor;
    private static Http analyst;
    private static byte[] bridge;

    @BeforeAll
    static void start() throws Exception {
        t = TestApp.start();
        t.user("pages-supervisor", Role.SUPERVISOR);
        supervisor = new Http(t, t.token(t.user("api-supervisor", Role.SUPERVISOR)));
        analyst = new Http(t, t.token(t.user("api-analyst", Role.ANALYST)));
        bridge = Files.readAllBytes(ReferenceData.pdqImage("bridge-mods/aaa-orig.jpg"));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String message) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("error").get("code").asText()).isEqualTo(code);
        assertThat(json(r).get("error").get("message").asText()).contains(message);
    }

    @Test
    void anUploadIsHashed() throws Exception {
        JsonNode h = json(analyst.upload("/api/v1/hash", "file", "bridge.jpg", bridge));
        assertThat(h.get("file").asText()).isEqualTo("bridge.jpg");
        assertThat(h.get("type").asText()).isEqualTo("image");
        assertThat(h.get("pdq").asText()).hasSize(64);
        assertThat(h.get("quality").asInt()).isBetween(80, 100);
        assertThat(h.get("md5").asText()).hasSize(32);
        assertThat(h.get("sha256").asText()).hasSize(64);
    }

    @Test
    void badUploadsAreClearErrors() throws Exception {
        assertError(analyst.upload("/api/v1/hash", "file", "empty.jpg", new byte[0]), 400, "bad_media",
                "empty.jpg: empty file (0 bytes)");
        assertError(analyst.upload("/api/v1/hash", "file", "cut.jpg", BadMedia.truncated(bridge)), 400, "bad_media",
                "cut.jpg: corrupt");
        assertError(analyst.upload("/api/v1/hash", "file", "bad.jpg", BadMedia.corrupted(bridge)), 400, "bad_media",
                "bad.jpg: corrupt");
        assertError(analyst.upload("/api/v1/hash", "file", "notes.txt", "just text".getBytes(StandardCharsets.UTF_8)),
                400, "bad_media", "notes.txt: not an image in a supported format");
        assertError(analyst.upload("/api/v1/hash", "file", "bomb.png", BadMedia.pngBomb(50_000)), 413,
                "image_rejected", "above the limit");
        assertError(analyst.upload("/api/v1/hash", "other", "x.jpg", bridge), 400, "invalid", "field file");
        assertError(analyst.get("/api/v1/match?pdq=12345"), 400, "invalid", "pdq must be 64 hex digits");
        assertError(analyst.get("/api/v1/match?md5=" + "g".repeat(32)), 400, "invalid", "not a hex digit");
    }

    @Test
    void banksAreManagedBySupervisorsAndMatchedByAnalysts() throws Exception {
        assertThat(analyst.json("POST", "/api/v1/banks", "{\"name\":\"NOPE\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> created = supervisor.json("POST", "/api/v1/banks",
                "{\"name\":\"API_BANK\",\"kind\":\"known\",\"pdqThreshold\":20,\"description\":\"synthetic\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertError(supervisor.json("POST", "/api/v1/banks", "{\"name\":\"lower case\"}"), 400, "invalid",
                "UPPER_WITH_UNDERSCORES");
        assertError(supervisor.json("POST", "/api/v1/banks", "{\"name\":\"API_BANK\"}"), 409, "conflict", "API_BANK");

        String pdq = json(analyst.upload("/api/v1/hash", "file", "b.jpg", bridge)).get("pdq").asText();
        assertThat(supervisor.json("POST", "/api/v1/banks/" + id + "/entries", "{\"signalType\":\"pdq\",\"value\":\""
                + pdq + "\",\"entity\":\"Example\",\"tags\":[\"bridge\"]}").statusCode()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            supervisor.json("POST", "/api/v1/banks/" + id + "/entries",
                    "{\"signalType\":\"md5\",\"value\":\"" + Integer.toString(i).repeat(32) + "\"}");
        }
        JsonNode page = json(analyst.get("/api/v1/banks/" + id + "/entries?size=2&page=2"));
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("entries")).hasSize(2);
        JsonNode byTag = json(analyst.get("/api/v1/banks/" + id + "/entries?tag=bridge"));
        assertThat(byTag.get("entries").get(0).get("value").asText()).isEqualTo(pdq);
        assertThat(json(analyst.get("/api/v1/banks/" + id + "/entries?prefix=1111")).get("total").asLong()).isEqualTo(1);

        JsonNode byHash = json(analyst.get("/api/v1/match?pdq=" + pdq));
        assertThat(byHash.get("matches").get(0).get("bank").asText()).isEqualTo("API_BANK");
        assertThat(byHash.get("matches").get(0).get("entity").asText()).isEqualTo("Example");
        JsonNode byFile = json(analyst.upload("/api/v1/match", "file", "b.jpg", bridge));
        assertThat(byFile.get("hashes").get("pdq").asText()).isEqualTo(pdq);
        assertThat(byFile.get("matches").get(0).get("distance").asInt()).isZero();
        assertThat(analyst.get("/api/v1/banks/" + id + "/export?format=hex&type=md5").body())
                .isEqualTo("0".repeat(32) + "\n" + "1".repeat(32) + "\n" + "2".repeat(32) + "\n");
    }

    @Test
    void importReportsBadLinesByNumber() throws Exception {
        long id = json(supervisor.json("POST", "/api/v1/banks", "{\"name\":\"IMPORT_API\"}")).get("id").asLong();
        JsonNode r = json(supervisor.upload("/api/v1/banks/" + id + "/import?format=hex&type=pdq", "file", "tat.txt",
                ("a".repeat(64) + "\nshort\n" + "b".repeat(64) + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(r.get("added").asInt()).isEqualTo(2);
        assertThat(r.get("errors").get(0).asText()).isEqualTo("tat.txt:2: pdq must be 64 hex digits, got 5 characters");
        assertThat(r.get("retrohunt").asLong()).isPositive();
    }

    @Test
    void bankPagesAndTheComparePageShowGuardedMedia() throws Exception {
        HttpClient browser = TestApp.browserlessClient();
        String csrf = t.login(browser, "pages-supervisor");
        supervisor.json("POST", "/api/v1/banks", "{\"name\":\"PAGE_BANK\"}");
        HttpResponse<String> list = t.get(browser, "/banks");
        assertThat(list.body()).contains("PAGE_BANK").contains("href=\"/banks\"");
        long id = json(supervisor.json("GET", "/api/v1/banks", null)).findValues("id").get(0).asLong();
        assertThat(t.get(browser, "/banks/" + id + "?prefix=ab&tag=x").statusCode()).isEqualTo(200);

        String boundary = "----compare";
        byte[] body = multipart(boundary, "a", bridge, "b", Files.readAllBytes(ReferenceData.pdqImage("bridge-mods/blur-a-lot.jpg")));
        HttpResponse<String> compared = browser.send(HttpRequest.newBuilder(URI.create(t.url("/signals/compare")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(compared.statusCode()).isEqualTo(200);
        assertThat(compared.body()).contains("class=\"media-guard\" src=\"data:image/jpeg;base64,")
                .contains("/static/app.js").contains("PDQ distance: ");
        assertThat(t.get(browser, "/static/app.js").statusCode()).isEqualTo(200);
    }

    @Test
    void supervisorsCreateBanksAddImagesAndImportFilesInTheBrowser() throws Exception {
        HttpClient browser = TestApp.browserlessClient();
        String csrf = t.login(browser, "pages-supervisor");
        HttpResponse<String> created = t.send(browser, "POST", "/banks", "_csrf=" + csrf
                + "&name=FORM_BANK&kind=negative&pdqThreshold=20&description=logos", "application/x-www-form-urlencoded");
        assertThat(created.statusCode()).isEqualTo(302);
        String bankPath = created.headers().firstValue("Location").orElseThrow();
        String boundary = "----form";
        HttpResponse<String> added = browser.send(HttpRequest.newBuilder(URI.create(t.url(bankPath + "/entries")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, "_csrf", csrf.getBytes(
                        StandardCharsets.UTF_8), "entity", "News agency".getBytes(StandardCharsets.UTF_8), "file",
                        bridge))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(t.get(browser, bankPath).body()).contains("News agency").contains(">pdq<").contains(">md5<");

        HttpResponse<String> imported = browser.send(HttpRequest.newBuilder(URI.create(t.url(bankPath + "/import")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, "_csrf", csrf.getBytes(
                        StandardCharsets.UTF_8), "format", "hma".getBytes(StandardCharsets.UTF_8), "file",
                        ("md5 " + "c".repeat(32) + "\npdq nope\n").getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("data-testid=\"import-report\"").contains("file.jpg:2: pdq must be");
    }

    /** A multipart body of (field, content) pairs; contents become files named after their field. */
    private static byte[] multipart(String boundary, Object... fieldsAndContents) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < fieldsAndContents.length; i += 2) {
            String field = (String) fieldsAndContents[i];
            String file = field.equals("a") || field.equals("b") || field.equals("file") ? "; filename=\"" + field
                    + ".jpg\"\r\nContent-Type: image/jpeg" : "";
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"" + file
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) fieldsAndContents[i + 1]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
