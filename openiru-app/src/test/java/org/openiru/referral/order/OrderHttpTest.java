package org.openiru.referral.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.app.Json;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;

/**
 * Orders over real HTTP: only the addressee platform's users see an order (pages, PDF, signature; anyone else gets
 * 404), the published key verifies the downloaded PDF, the form issues an order with hostile text escaped, and
 * the API's validation error names the field.
 */
class OrderHttpTest {
    private static TestApp t;
    private static OrderFixture f;
    private static OrderFixture other;
    private static long orderId;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        f = new OrderFixture(t.app, "web", "NL", "");
        other = new OrderFixture(t.app, "other", "NL", "");
        orderId = f.issue(f.approvedItems("web", 2), "[synthetic] emergency");
        f.platformUser("pu-own", f.platformId);
        f.platformUser("pu-other", other.platformId);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static HttpResponse<byte[]> bytes(HttpClient c, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(t.url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anotherPlatformsUserAndAnotherUnitSeeNothing() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        t.login(c, "pu-other");
        for (String path : List.of("/portal/orders/" + orderId, "/api/v1/orders/" + orderId,
                "/api/v1/orders/" + orderId + "/pdf", "/api/v1/orders/" + orderId + "/signature")) {
            assertThat(t.get(c, path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(t.get(c, "/api/v1/orders").body()).doesNotContain(f.order(orderId).reference());
        assertThat(t.get(c, "/orders/" + orderId).statusCode()).isEqualTo(403);

        HttpClient unit = TestApp.browserlessClient();
        t.login(unit, other.supervisor.username());
        assertThat(t.get(unit, "/orders/" + orderId).statusCode()).isEqualTo(404);
        assertThat(t.get(unit, "/api/v1/orders/" + orderId + "/pdf").statusCode()).isEqualTo(404);
        assertThat(f.order(orderId).receivedAt()).as("no receipt from outsiders").isNull();
    }

    @Test
    void theAddresseeOpensTheOrderAndVerifiesItsPdfWithThePublishedKey() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        t.login(c, "pu-own");
        HttpResponse<String> page = t.get(c, "/portal/orders/" + orderId);
        assertThat(page.statusCode()).isEqualTo(200);
        String reference = f.order(orderId).reference();
        assertThat(page.body()).contains(reference).contains("/portal/referrals/" + orderId)
                .contains("data-countdown=").doesNotContain("web-boss@unit.example").doesNotContain("order:" + orderId);
        assertThat(f.order(orderId).receivedVia()).as("opening is receipt").isEqualTo("portal");

        HttpResponse<byte[]> pdf = bytes(c, "/api/v1/orders/" + orderId + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/pdf"));
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        JsonNode sig = Json.MAPPER.readTree(t.get(c, "/api/v1/orders/" + orderId + "/signature").body());
        HttpResponse<String> key = t.get(TestApp.browserlessClient(), sig.get("publicKeyUrl").asText());
        assertThat(key.statusCode()).as("the key is public").isEqualTo(200);
        JsonNode k = Json.MAPPER.readTree(key.body());
        assertThat(k.get("keyId").asText()).isEqualTo(sig.get("keyId").asText());
        assertThat(SigningKeys.verify(pdf.body(), sig.get("signature").asText(), k.get("pem").asText())).isTrue();
        byte[] tampered = pdf.body().clone();
        tampered[tampered.length / 3] ^= 0x20;
        assertThat(SigningKeys.verify(tampered, sig.get("signature").asText(), k.get("pem").asText())).isFalse();
        assertThat(t.get(c, "/api/v1/orders").body()).contains(reference);
    }

    @Test
    void theFormIssuesAnOrderAndEscapesHostileText() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String csrf = t.login(c, f.supervisor.username());
        List<Long> items = f.approvedItems("form", 1);
        String form = t.get(c, "/orders/new?platform=" + f.platformId).body();
        assertThat(form).contains("data-testid=\"candidate\"").contains("Legal Rep Ltd");
        String hostile = "<img src=x onerror=alert(1)> [synthetic]";
        HttpResponse<String> r = t.send(c, "POST", "/orders", Html.form("_csrf", csrf, "platformId",
                String.valueOf(f.platformId), "item", String.valueOf(items.get(0)), "cat_" + items.get(0), "a",
                "reason_" + items.get(0), hostile, "nonDisclosureDays", "14", "nonDisclosureReason",
                "[synthetic] ongoing investigation", "authorityName", "Unit web", "authorityAddress", "1 Test Street",
                "authorityContact", "iru@web.example", "followupContact", "duty officer", "redressBody", "Court",
                "redressTimeLimit", "six weeks", "redressProcedure", "appeal"), "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        String page = t.get(c, location).body();
        assertThat(page).doesNotContain("<img src=x").contains("&lt;img src=x").contains("14");

        HttpResponse<String> missing = t.send(c, "POST", "/orders", Html.form("_csrf", csrf, "platformId",
                String.valueOf(f.platformId)), "application/x-www-form-urlencoded");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("data-testid=\"form-error\"").contains("authorityName");
    }

    @Test
    void theApiNamesTheMissingField() throws Exception {
        String token = t.token(f.supervisor);
        HttpResponse<String> r = t.send(TestApp.browserlessClient(), "POST", "/api/v1/orders",
                "{\"platformId\":" + f.platformId + ",\"items\":[],\"nonDisclosureDays\":0}", "application/json",
                "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = Json.MAPPER.readTree(r.body()).get("error");
        assertThat(error.get("field").asText()).isEqualTo("items");
        assertThat(error.get("message").asText()).contains("redressBody").contains("authorityName");
    }
}
