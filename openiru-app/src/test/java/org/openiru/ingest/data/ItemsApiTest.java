package org.openiru.ingest.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.app.Json;
import org.openiru.auth.Role;
import org.openiru.testing.TestApp;

/** {@code POST /api/v1/items} over real HTTP with API tokens. */
class ItemsApiTest {
    static TestApp t;
    static HttpClient client = TestApp.browserlessClient();
    static String analyst;
    static String auditor;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        analyst = t.token(t.user("api-analyst", Role.ANALYST));
        auditor = t.token(t.user("api-auditor", Role.AUDITOR));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    static HttpResponse<String> post(String token, String body) throws Exception {
        return t.send(client, "POST", "/api/v1/items", body, "application/json", "Authorization", "Bearer " + token);
    }

    @Test
    void aBatchIsStoredWithCountsAndPerItemErrorsAndSendingItAgainChangesNothing() throws Exception {
        String batch = """
                [{"url":"https://t.me/example_api/1","text":"[synthetic] نص","actor":{"id":"channel5","kind":"channel"}},
                 {"url":"not a url"},
                 {"url":"https://example.org/api-page","outlinks":["https://example.com/x"]},
                 {"url":"https://example.org/other","colour":"red"}]""";

        HttpResponse<String> r = post(analyst, batch);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.get("new").asLong()).isEqualTo(2);
        assertThat(body.get("failed").asLong()).isEqualTo(2);
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(body.get("errors").get(1).get("index").asInt()).isEqualTo(3);
        assertThat(body.get("errors").get(1).get("message").asText()).startsWith("\"colour\": unknown field");
        long source = body.get("source").asLong();
        assertThat(t.app.ingest.sources.find(source).orElseThrow().kind()).isEqualTo("api");

        JsonNode again = Json.MAPPER.readTree(post(analyst, batch).body());
        assertThat(again.get("new").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isZero();
        assertThat(again.get("duplicate").asLong()).isEqualTo(2);
    }

    @Test
    void onlyUnitStaffWhoCollectMayPostAndTheBodyMustBeAnArray() throws Exception {
        assertThat(post(auditor, "[{\"url\":\"https://example.org/a\"}]").statusCode()).isEqualTo(403);
        HttpResponse<String> notArray = post(analyst, "{\"url\":\"https://example.org/a\"}");
        assertThat(notArray.statusCode()).isEqualTo(400);
        assertThat(notArray.body()).contains("JSON array");
        assertThat(post(analyst, "[{\"url\":").statusCode()).isEqualTo(400);
    }
}
