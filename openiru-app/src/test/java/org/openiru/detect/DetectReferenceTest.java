package org.openiru.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.app.Json;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.hashing.banks.SignalType;
import org.openiru.signals.BankInput;
import org.openiru.signals.NewEntry;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;
import org.openiru.web.Messages;

/**
 * Reference data in the database (edited by supervisors through the page, audited, used by the next score),
 * known sites and bank hits as reasons of stored items, and the JSON-lines scoring of {@code openiru score}.
 * Synthetic terms and texts only.
 */
class DetectReferenceTest {
    private static TestApp t;
    private static String analystToken;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        t.app.startWorkers();
        t.user("supervisor", Role.SUPERVISOR);
        analystToken = t.token(t.user("analyst", Role.ANALYST));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void aSupervisorAddsATermTheNextScoreUsesItAndTheChangeIsAudited() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String csrf = t.login(c, "supervisor");
        String before = t.app.detect.reference.current().data().version();
        HttpResponse<String> hostile = t.send(c, "POST", "/detect/reference/terms", Html.form("_csrf", csrf,
                "class", "threat", "term", "quiet <b>harbour</b>"), "application/x-www-form-urlencoded");
        assertThat(hostile.statusCode()).as(hostile.body()).isEqualTo(302);
        HttpResponse<String> r = t.send(c, "POST", "/detect/reference/terms", Html.form("_csrf", csrf,
                "class", "self_designation", "term", "velvet lanterns"), "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String after = t.app.detect.reference.current().data().version();
        assertThat(after).startsWith(org.openiru.text.lexicon.ReferenceDataLoader.loadDefault().version() + "+e")
                .isNotEqualTo(before);

        String page = t.get(c, "/detect/reference").body();
        assertThat(page).contains("quiet &lt;b&gt;harbour&lt;/b&gt;").doesNotContain("<b>harbour").contains(after);

        JsonNode result = score("[synthetic] the velvet lanterns gather at noon");
        assertThat(result.get("reasons").toString()).contains("lexicon.self_designation", "velvet lanterns");
        assertThat(result.get("model").asText()).endsWith("+ref-" + after);

        long audited = t.app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM audit_events WHERE action = 'detect.reference.edited' AND actor_name = 'supervisor'
                  AND subject_id = ?""").bind(0, after).mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);

        HttpResponse<String> unknown = t.send(c, "POST", "/detect/reference/terms", Html.form("_csrf", csrf,
                "class", "outlet", "term", "x"), "application/x-www-form-urlencoded");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown term class «outlet»");
        assertThat(t.app.detect.reference.current().data().version()).isEqualTo(after);
    }

    @Test
    void onlySupervisorsAndAdministratorsEditAndTheFormNeedsItsCsrfToken() throws Exception {
        HttpClient analyst = TestApp.browserlessClient();
        String csrf = t.login(analyst, "analyst");
        HttpResponse<String> r = t.send(analyst, "POST", "/detect/reference/terms", Html.form("_csrf", csrf,
                "class", "threat", "term", "synthetic"), "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(t.get(analyst, "/detect/reference").statusCode()).isEqualTo(200);

        HttpClient supervisor = TestApp.browserlessClient();
        t.login(supervisor, "supervisor");
        HttpResponse<String> noToken = t.send(supervisor, "POST", "/detect/reference/terms", Html.form(
                "class", "threat", "term", "synthetic"), "application/x-www-form-urlencoded");
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void anEditedEntityIsMatchedAndRestartingKeepsTheEdits() throws Exception {
        String version = t.app.detect.reference.saveEntity(Actor.system("test"), new ReferenceStore.EntityInput(
                "synthetic-front", "Synthetic Front [synthetic]", List.of("synthetic front"), List.of("so-called front"),
                List.of(new org.openiru.text.lexicon.Outlet("Quartz Media [synthetic]", List.of("quartz media office")))));
        JsonNode result = score("[synthetic] quartz media office presents a new release");
        assertThat(result.get("reasons").toString()).contains("lexicon.outlet", "Quartz Media [synthetic]",
                "Synthetic Front [synthetic]");
        t.app.detect.reference.loadShipped(org.openiru.text.lexicon.ReferenceDataLoader.loadDefault());
        assertThat(t.app.detect.reference.current().data().version()).isEqualTo(version);
    }

    @Test
    void storedItemsGetReasonsFromKnownSitesAndBankHits() throws Exception {
        t.app.detect.reference.saveHost(Actor.system("test"), "outlet-site.example", "isis", "[synthetic] outlet mirror");
        byte[] file = "[synthetic] banked file for the detect test".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        var bank = t.app.signals.banks.create(Actor.system("test"), new BankInput("DETECT_TEST_KNOWN", "[synthetic]",
                "known", null, true, "local", ""));
        t.app.signals.banks.addEntries(Actor.system("test"), bank.id(), List.of(new NewEntry(SignalType.SHA256, sha,
                "isis", List.of("synthetic-test"), "", null, null)), "test");
        t.app.blobs.put(new ByteArrayInputStream(file), "banked.txt", 1 << 20);

        String items = Json.write(List.of(Map.of("url", "https://example.org/synthetic/linked",
                "text", "[synthetic] a post with a link and a file", "outlinks", List.of("https://www.outlet-site.example/a"),
                "media", List.of(Map.of("role", "file", "name", "banked.txt", "sha256", sha)))));
        HttpResponse<String> r = t.send(HttpClient.newHttpClient(), "POST", "/api/v1/items", items, "application/json",
                "Authorization", "Bearer " + analystToken);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        long id = t.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM items WHERE canonical_url = 'https://example.org/synthetic/linked'").mapTo(Long.class).one());

        ItemScores.StoredScore s = waitFor(id, "signal.hash_match");
        assertThat(s.reasons()).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("signal.outlink_host");
            assertThat(x.weight()).isEqualTo(10.0);
            assertThat(x.args()).containsExactly("https://www.outlet-site.example/a", "isis — [synthetic] outlet mirror");
        });
        assertThat(s.reasons()).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("signal.hash_match");
            assertThat(x.weight()).isEqualTo(60.0);
            assertThat(x.args()).containsExactly("DETECT_TEST_KNOWN", "sha256", "0", "isis, synthetic-test");
        });
        assertThat(s.score()).isEqualTo(s.reasons().stream().mapToDouble(ItemScores.StoredReason::weight).sum(),
                org.assertj.core.data.Offset.offset(1e-9));

        HttpClient c = TestApp.browserlessClient();
        t.login(c, "analyst");
        String page = t.get(c, "/items/" + id).body();
        assertThat(page).contains("Media matches bank «DETECT_TEST_KNOWN» (sha256, distance 0; labels: isis, synthetic-test)",
                "Links to a host already assessed: https://www.outlet-site.example/a");
    }

    @Test
    void scoreLinesReportBadLinesByNumberAndGoOn() throws Exception {
        ScoreLines lines = new ScoreLines(new ScoreRequests(Messages.loadAll(ZoneId.of("UTC"))),
                t.app.detect.detector.current().scorer(), true);
        byte[] invalid = {'{', '"', 'i', 'd', '"', ':', '"', 'u', '"', ',', '"', 't', 'e', 'x', 't', '"', ':', '"',
            'a', 'b', (byte) 0xC3, (byte) 0x28, 'c', '"', '}', '\n'};
        String input = "{\"id\":\"1\",\"text\":\"[synthetic] hello\"}\n"
                + "not json\n"
                + "\n"
                + "{\"id\":\"3\"}\n"
                + "{\"id\":\"4\",\"text\":\"\",\"lang\":\"en\"}\n"
                + "{\"id\":\"5\",\"text\":\"\u202e[synthetic] txet\",\"lang\":\"xx\"}\n"
                + "{\"id\":\"6\",\"text\":\"" + "[synthetic] filler. ".repeat(2000) + "\"}\n";
        byte[] all = concat(input.getBytes(StandardCharsets.UTF_8), invalid);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int bad = lines.run(new ByteArrayInputStream(all), "in.jsonl", new PrintWriter(out), new PrintWriter(err));
        List<JsonNode> results = out.toString().lines().map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(bad).isEqualTo(3);
        assertThat(results).hasSize(7);
        assertThat(results.get(0).get("id").asText()).isEqualTo("1");
        assertThat(results.get(1).get("error").asText()).startsWith("in.jsonl line 2: not JSON");
        assertThat(results.get(2).get("error").asText()).isEqualTo("in.jsonl line 4: \"text\" must be a string (it may be empty)");
        assertThat(results.get(3).get("reasons").toString()).contains("input.empty");
        assertThat(results.get(4).get("error").asText()).isEqualTo("in.jsonl line 6: \"lang\" must be ar, en or other");
        assertThat(results.get(5).get("reasons").toString()).contains("input.truncated", "Text of 40000 characters; only the first 20000 were scored");
        assertThat(results.get(6).get("id").asText()).isEqualTo("u");
        assertThat(results.get(6).get("reasons").toString()).contains("input.invalid_utf8");
    }

    @Test
    void rightToLeftOverridesAndEmojiAreExplained() throws Exception {
        JsonNode bidi = score("\u202e[synthetic] txet desrever");
        assertThat(bidi.get("reasons").toString()).contains("input.bidi_controls");
        JsonNode emoji = score("🙂🙂");
        assertThat(emoji.get("reasons").toString()).contains("input.no_letters");
        assertThat(emoji.get("priority").asInt()).isZero();
    }

    private static JsonNode score(String text) throws Exception {
        HttpResponse<String> r = t.send(HttpClient.newHttpClient(), "POST", "/api/v1/score",
                Json.write(List.of(Map.of("id", "x", "text", text))), "application/json",
                "Authorization", "Bearer " + analystToken);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body()).get("results").get(0);
    }

    private static ItemScores.StoredScore waitFor(long itemId, String code) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            Optional<ItemScores.StoredScore> s = t.app.detect.scores.find(itemId);
            if (s.isPresent() && s.get().reasons().stream().anyMatch(r -> r.code().equals(code))) {
                return s.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("item " + itemId + " has no " + code + " reason after a minute: "
                + t.app.detect.scores.find(itemId));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
