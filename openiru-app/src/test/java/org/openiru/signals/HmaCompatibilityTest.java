package org.openiru.signals;

import org.openiru.testing.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.app.Json;
import org.openiru.auth.Role;
import org.openiru.testing.TestApp;

/** The exchange of docs/hma-compatibility.md, over real HTTP, in HMA's parameter names and JSON shapes. */
class HmaCompatibilityTest {
    private static TestApp t;
    private static Http supervisor;
    private static Http analyst;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        supervisor = new Http(t, t.token(t.user("hma-supervisor", Role.SUPERVISOR)));
        analyst = new Http(t, t.token(t.user("hma-analyst", Role.ANALYST)));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void createBankAddHashLookUpByHashAndByFile() throws Exception {
        byte[] image = Files.readAllBytes(ReferenceData.pdqImage("bridge-mods/aaa-orig.jpg"));
        String pdq = json(analyst.upload("/h/hash", "photo", "aaa-orig.jpg", image)).get("pdq").asText();
        assertThat(pdq).hasSize(64);

        HttpResponse<String> created = supervisor.json("POST", "/c/banks", "{\"name\":\"TEST_BANK\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("name").asText()).isEqualTo("TEST_BANK");
        assertThat(json(created).get("matching_enabled_ratio").asDouble()).isEqualTo(1.0);

        HttpResponse<String> added = supervisor.json("POST", "/c/bank/TEST_BANK/signal", "{\"pdq\":\"" + pdq + "\"}");
        assertThat(added.statusCode()).isEqualTo(200);
        long contentId = json(added).get("id").asLong();
        assertThat(json(added).get("signals").get("pdq").asText()).isEqualTo(pdq);

        JsonNode byHash = json(analyst.get("/m/lookup?signal_type=pdq&signal=" + pdq));
        assertThat(byHash.get("TEST_BANK").get(0).get("bank_content_id").asLong()).isEqualTo(contentId);
        assertThat(byHash.get("TEST_BANK").get(0).get("distance").asText()).isEqualTo("0");

        byte[] similar = Files.readAllBytes(ReferenceData.pdqImage("bridge-mods/blur-a-little.jpg"));
        JsonNode byFile = json(analyst.upload("/m/lookup", "photo", "blur-a-little.jpg", similar));
        JsonNode match = byFile.get("pdq").get("TEST_BANK").get(0);
        assertThat(match.get("bank_content_id").asLong()).isEqualTo(contentId);
        assertThat(Integer.parseInt(match.get("distance").asText())).isBetween(0, 31);
    }

    @Test
    void banksCanBeListedChangedAndDeletedByName() throws Exception {
        supervisor.json("POST", "/c/banks", "{\"name\":\"CHANGE_ME\"}");
        assertThat(supervisor.json("POST", "/c/banks", "{\"name\":\"CHANGE_ME\"}").statusCode()).isEqualTo(403);
        assertThat(json(supervisor.json("PUT", "/c/bank/CHANGE_ME", "{\"enabled\":false}"))
                .get("matching_enabled_ratio").asDouble()).isEqualTo(0.0);
        assertThat(analyst.get("/c/banks").body()).contains("{\"name\":\"CHANGE_ME\",\"matching_enabled_ratio\":0.0}");
        assertThat(json(supervisor.json("DELETE", "/c/bank/CHANGE_ME", null)).get("message").asText()).isEqualTo("Done");
        HttpResponse<String> gone = analyst.get("/c/bank/CHANGE_ME");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("message").asText()).contains("not found");
    }

    @Test
    void rawLookupCompareAndIndexStatus() throws Exception {
        supervisor.json("POST", "/c/banks", "{\"name\":\"RAW_BANK\"}");
        String a = "f".repeat(64);
        long id = json(supervisor.json("POST", "/c/bank/RAW_BANK/signal", "{\"pdq\":\"" + a + "\"}")).get("id").asLong();
        supervisor.json("PUT", "/c/bank/RAW_BANK", "{\"enabled_ratio\":0.0}");
        String near = "0" + "f".repeat(63);
        assertThat(json(analyst.get("/m/lookup?signal_type=pdq&signal=" + near)).has("RAW_BANK")).isFalse();
        JsonNode raw = json(analyst.get("/m/raw_lookup?signal_type=pdq&signal=" + near + "&include_distance=true"));
        assertThat(raw.get("matches").get(0).get("bank_content_id").asLong()).isEqualTo(id);
        assertThat(raw.get("matches").get(0).get("distance").asText()).isEqualTo("4");
        assertThat(json(analyst.get("/m/raw_lookup?signal_type=pdq&signal=" + near)).get("matches").get(0).asLong())
                .isEqualTo(id);

        JsonNode cmp = json(analyst.json("POST", "/m/compare", "{\"pdq\":[\"" + a + "\",\"" + near + "\"]}"));
        assertThat(cmp.get("pdq").get(0).asBoolean()).isTrue();
        assertThat(cmp.get("pdq").get(1).get("distance").asInt()).isEqualTo(4);

        JsonNode status = json(analyst.get("/m/index/status?signal_type=pdq"));
        assertThat(status.get("pdq").get("present").asBoolean()).isTrue();
        assertThat(status.get("pdq").get("size").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void errorsCarryHmasMessageField() throws Exception {
        HttpResponse<String> r = analyst.get("/m/lookup?signal_type=pdq&signal=abc");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("message").asText()).contains("pdq must be 64 hex digits");
        assertThat(json(analyst.get("/m/lookup?signal_type=nope&signal=abc")).get("message").asText())
                .isEqualTo("No such SignalType 'nope'");
        assertThat(analyst.json("POST", "/c/banks", "{\"name\":\"X\"}").statusCode()).isEqualTo(403);
    }
}
