package org.openiru.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.app.Json;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.testing.TestApp;
import org.openiru.unit.Units;

/**
 * Statistics of a small known data set (exact counts, median, 90th percentile, orders within the hour,
 * rejections), as JSON and CSV; who may see which unit; the timeline API is closed to platform users.
 */
class StatisticsHttpTest {
    private static final String PERIOD = "from=2026-11-02&to=2026-11-29";
    private static TestApp t;
    private static long alpha;
    private static long bravo;
    private static List<Long> r1;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        alpha = VerifyFixture.platform(t.app, "alpha", "Alpha");
        bravo = VerifyFixture.platform(t.app, "bravo", "=HYPERLINK(\"x\")");
        long unit = t.unit.id();
        Instant monday = Instant.parse("2026-11-02T10:00:00Z");
        // A referral of four items: removed after 1 h (platform), 2 h (check), 4 h (platform); one rejected.
        r1 = VerifyFixture.referral(t.app, unit, alpha, "referral", monday, monday, "https://alpha.example/1",
                "https://alpha.example/2", "https://alpha.example/3", "https://alpha.example/4");
        VerifyFixture.answer(t.app, r1.get(0), "removed", "", monday.plus(Duration.ofHours(1)));
        VerifyFixture.check(t.app, r1.get(1), "up", monday.plus(Duration.ofMinutes(5)));
        VerifyFixture.check(t.app, r1.get(1), "gone", monday.plus(Duration.ofHours(2)));
        VerifyFixture.answer(t.app, r1.get(2), "access_disabled", "", monday.plus(Duration.ofHours(4)));
        VerifyFixture.answer(t.app, r1.get(3), "rejected", "", monday.plus(Duration.ofHours(1)));
        // An order received at 09:10, both items removed at 09:40: answered within the hour (30 min each).
        Instant o1 = Instant.parse("2026-11-03T09:10:00Z");
        List<Long> order1 = VerifyFixture.referral(t.app, unit, alpha, "removal_order", o1.minus(Duration.ofMinutes(10)),
                o1, "https://alpha.example/o1", "https://alpha.example/o2");
        order1.forEach(i -> VerifyFixture.answer(t.app, i, "removed", "", o1.plus(Duration.ofMinutes(30))));
        // An order answered first with Annex III (force majeure), removed 90 min after receipt: late.
        Instant o2 = Instant.parse("2026-11-04T12:00:00Z");
        long order2 = VerifyFixture.referral(t.app, unit, alpha, "removal_order", o2, o2, "https://alpha.example/o3")
                .get(0);
        VerifyFixture.answer(t.app, order2, "cannot_execute", "force_majeure", o2.plus(Duration.ofMinutes(20)));
        VerifyFixture.answer(t.app, order2, "removed", "", o2.plus(Duration.ofMinutes(90)));
        // Next week, another platform, never received: time counts from creation (30 min to a gone check).
        Instant b = Instant.parse("2026-11-10T08:00:00Z");
        long bItem = VerifyFixture.referral(t.app, unit, bravo, "referral", b, null, "https://bravo.example/1").get(0);
        VerifyFixture.check(t.app, bItem, "gone", b.plus(Duration.ofMinutes(30)));
        // Another unit's referral: not counted for this unit's people.
        long other = t.app.units.create(VerifyFixture.SYSTEM, new Units.Input("other-unit", "Other", "DE", "")).id();
        VerifyFixture.referral(t.app, other, alpha, "referral", monday, monday, "https://alpha.example/other");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static String token(String name, Role role, long unitId) {
        User u = t.app.users.create(VerifyFixture.SYSTEM, new Users.NewUser(unitId, name, name, "",
                EnumSet.of(role), null, "en", TestApp.PASSWORD));
        return "Bearer " + t.token(u);
    }

    private static JsonNode total(JsonNode body, String platform) {
        for (JsonNode row : body.get("totals")) {
            if (row.get("platform").asText().equals(platform)) {
                return row;
            }
        }
        throw new AssertionError("no total for " + platform + " in " + body);
    }

    @Test
    void aKnownDataSetGivesExactNumbers() throws Exception {
        HttpResponse<String> res = t.get(TestApp.browserlessClient(), "/api/v1/statistics?" + PERIOD + "&group=week",
                "Authorization", token("stats-sup", Role.SUPERVISOR, t.unit.id()));
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(res.body());
        JsonNode rows = body.get("rows");
        assertThat(rows).hasSize(2);
        JsonNode a = rows.get(0);
        assertThat(a.get("platform").asText()).isEqualTo("Alpha");
        assertThat(a.get("period").asText()).isEqualTo("2026-11-02");
        assertThat(a.get("referrals").asLong()).isEqualTo(3);
        assertThat(a.get("items").asLong()).isEqualTo(7);
        assertThat(a.get("removed").asLong()).isEqualTo(6);
        assertThat(a.get("removalRate").asDouble()).isEqualTo(6.0 / 7);
        // 1800, 1800, 3600, 5400, 7200, 14400 s
        assertThat(a.get("medianSeconds").asDouble()).isEqualTo(4500.0);
        assertThat(a.get("p90Seconds").asDouble()).isEqualTo(10800.0);
        assertThat(a.get("orders").asLong()).isEqualTo(2);
        assertThat(a.get("ordersReceived").asLong()).isEqualTo(2);
        assertThat(a.get("ordersWithinHour").asLong()).isEqualTo(1);
        assertThat(a.get("rejections").get("rejected").asLong()).isEqualTo(1);
        assertThat(a.get("rejections").get("force_majeure").asLong()).isEqualTo(1);
        assertThat(a.get("rejections").get("manifest_error").asLong()).isZero();
        assertThat(a.get("reappearances").isNull()).isTrue();
        JsonNode b = rows.get(1);
        assertThat(b.get("period").asText()).isEqualTo("2026-11-09");
        assertThat(b.get("items").asLong()).isEqualTo(1);
        assertThat(b.get("medianSeconds").asDouble()).isEqualTo(1800.0);
        assertThat(b.get("p90Seconds").asDouble()).isEqualTo(1800.0);
        assertThat(body.get("totals")).hasSize(2);
        JsonNode alphaTotal = total(body, "Alpha");
        assertThat(alphaTotal.get("period").isNull()).isTrue();
        assertThat(alphaTotal.get("items").asLong()).isEqualTo(7);
        assertThat(alphaTotal.get("medianSeconds").asDouble()).isEqualTo(4500.0);

        // By month, the two weeks of Alpha and Bravo fall in November.
        JsonNode months = Json.MAPPER.readTree(t.get(TestApp.browserlessClient(), "/api/v1/statistics?" + PERIOD
                + "&group=month&platform=" + alpha, "Authorization", token("stats-sup2", Role.SUPERVISOR,
                t.unit.id())).body()).get("rows");
        assertThat(months).hasSize(1);
        assertThat(months.get(0).get("period").asText()).isEqualTo("2026-11-01");
    }

    @Test
    void csvHasTheSameNumbersAndNeutralisesFormulas() throws Exception {
        HttpResponse<String> res = t.get(TestApp.browserlessClient(), "/statistics/export.csv?" + PERIOD,
                "Authorization", token("stats-csv", Role.ANALYST, t.unit.id()));
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(res.body().split("\r\n")).containsExactly(
                "platform,period_start,referrals,items,removed,removal_rate,median_seconds_to_removal,"
                        + "p90_seconds_to_removal,orders,orders_received,orders_within_one_hour,rejections_rejected,"
                        + "rejections_force_majeure,rejections_de_facto_impossibility,rejections_manifest_error,"
                        + "rejections_insufficient_information,rejections_unspecified",
                "Alpha,2026-11-02,3,7,6,0.8571,4500,10800,2,2,1,1,1,0,0,0,0",
                "\"'=HYPERLINK(\"\"x\"\")\",2026-11-09,1,1,1,1,1800,1800,0,0,0,0,0,0,0,0,0");
    }

    @Test
    void peopleSeeTheirOwnUnitAndOverseersMayChooseAll() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String analyst = token("stats-analyst", Role.ANALYST, t.unit.id());
        assertThat(t.get(c, "/api/v1/statistics?" + PERIOD + "&unit=all", "Authorization", analyst).statusCode())
                .isEqualTo(403);
        JsonNode all = Json.MAPPER.readTree(t.get(c, "/api/v1/statistics?" + PERIOD + "&unit=all", "Authorization",
                token("stats-auditor", Role.AUDITOR, t.unit.id())).body());
        assertThat(total(all, "Alpha").get("referrals").asLong()).isEqualTo(4);
        assertThat(t.get(c, "/api/v1/statistics?" + PERIOD + "&group=day", "Authorization", analyst).body())
                .contains("\"field\":\"group\"");
        assertThat(t.get(c, "/api/v1/statistics?from=2026-13-01", "Authorization", analyst).body())
                .contains("from must be a date like 2026-11-23");
        assertThat(t.get(c, "/api/v1/statistics", "Authorization", token("stats-triage", Role.TRIAGE, t.unit.id()))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theTimelineIsForTheUnitNotForPlatforms() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String path = "/api/v1/referral-items/" + r1.get(1) + "/timeline";
        HttpResponse<String> ok = t.get(c, path, "Authorization", token("tl-analyst", Role.ANALYST, t.unit.id()));
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode tl = Json.MAPPER.readTree(ok.body());
        assertThat(tl.get("item").get("removedHow").asText()).isEqualTo("check");
        assertThat(tl.get("item").get("secondsToRemoval").asLong()).isEqualTo(7200);
        assertThat(tl.get("entries")).hasSize(2);
        User platformUser = t.platformUser("tl-platform", alpha);
        assertThat(t.get(c, path, "Authorization", "Bearer " + t.token(platformUser)).statusCode()).isEqualTo(403);
        long other = t.app.units.findBySlug("other-unit").orElseThrow().id();
        assertThat(t.get(c, path, "Authorization", token("tl-other", Role.ANALYST, other)).statusCode())
                .isEqualTo(404);
        assertThat(t.get(c, "/verify/items/" + r1.get(1), "Authorization", token("tl-sup", Role.SUPERVISOR,
                t.unit.id())).body()).contains("data-testid=\"timeline\"").contains("HTTP 404");
    }
}
