package org.openiru.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;
import org.openiru.unit.Unit;

/** The desk over real HTTP: the same refusals on pages and in the API, and no access for platform staff. */
class ReviewHttpTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static TestApp t;

    @BeforeAll
    static void start() {
        t = TestApp.start();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void aHeldCaseCannotBeApprovedByAUserOfAnotherUnitOnThePageOrInTheApi() throws Exception {
        Unit other = ReviewFixture.unit(t.app, "other-unit");
        User analyst = t.user("held-analyst", Role.ANALYST);
        User investigator = t.user("held-investigator", Role.ANALYST);
        User foreign = ReviewFixture.user(t.app, other, "held-foreign-sup", Role.SUPERVISOR);
        long item = ReviewFixture.items(t.app, "held-http", 1).get(0);
        long caseId = ReviewFixture.caseOf(t.app, t.unit, item, false);
        t.app.review.cases.assess(new Reviewer(analyst, "r"), caseId, ReviewFixture.terrorist());
        t.app.review.holds.place(new Reviewer(investigator, "r"), new Holds.NewHold(caseId, null,
                "[synthetic] covert operation", "OP-7", "desk@test-unit.example", Instant.now().plus(1, ChronoUnit.DAYS)));

        HttpClient browser = TestApp.browserlessClient();
        String csrf = t.login(browser, foreign.username());
        HttpResponse<String> page = t.get(browser, "/review/cases/" + caseId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("desk@test-unit.example").doesNotContain("covert operation")
                .doesNotContain("OP-7");
        HttpResponse<String> refused = t.send(browser, "POST", "/review/cases/" + caseId + "/approve",
                Html.form("_csrf", csrf, "comment", ""), FORM);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("data-testid=\"case-error\"").contains("held by Test unit");

        HttpResponse<String> api = t.send(TestApp.browserlessClient(), "POST", "/api/v1/cases/" + caseId
                + "/approval", "{\"comment\":\"\"}", JSON, "Authorization", "Bearer " + t.token(foreign));
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.body()).contains("\"code\":\"held\"");
        assertThat(t.app.review.queries.row(caseId).orElseThrow().workflow()).isEqualTo("assessed");

        HttpResponse<String> own = t.get(TestApp.browserlessClient(), "/review/cases/" + caseId);
        assertThat(own.statusCode()).as("anonymous").isNotEqualTo(200);
        HttpClient investigatorBrowser = TestApp.browserlessClient();
        t.login(investigatorBrowser, investigator.username());
        assertThat(t.get(investigatorBrowser, "/review/cases/" + caseId).body()).contains("covert operation");
    }

    @Test
    void selfApprovalIsRefusedInTheApiAndACaseIsOpenedFromAnItem() throws Exception {
        User sup = t.user("api-sup", Role.SUPERVISOR, Role.ANALYST);
        String token = t.token(sup);
        HttpClient c = TestApp.browserlessClient();
        long item = ReviewFixture.items(t.app, "api-self", 1).get(0);
        HttpResponse<String> created = t.send(c, "POST", "/api/v1/cases", "{\"itemIds\":[" + item
                + "],\"priority\":70,\"title\":\"<b>[synthetic]</b>\"}", JSON, "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).isEqualTo(201);
        long caseId = t.app.review.queries.list(new CaseQueries.Filter(null, null, item), 5).get(0).id();
        HttpResponse<String> bad = t.send(c, "POST", "/api/v1/cases/" + caseId + "/assessment",
                "{\"outcome\":\"terrorist\",\"categories\":[\"a\"],\"entity\":\"X\",\"severity\":9}", JSON,
                "Authorization", "Bearer " + token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"severity\"");
        HttpResponse<String> assessed = t.send(c, "POST", "/api/v1/cases/" + caseId + "/assessment",
                "{\"outcome\":\"terrorist\",\"categories\":[\"a\",\"d\"],\"entity\":\"Synthetic Group\",\"severity\":3,"
                        + "\"contentType\":\"video\"}", JSON, "Authorization", "Bearer " + token);
        assertThat(assessed.statusCode()).isEqualTo(201);
        HttpResponse<String> self = t.send(c, "POST", "/api/v1/cases/" + caseId + "/approval", "{}", JSON,
                "Authorization", "Bearer " + token);
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(self.body()).contains("\"code\":\"four_eyes\"");
        HttpResponse<String> got = t.get(c, "/api/v1/cases/" + caseId, "Authorization", "Bearer " + token);
        assertThat(got.body()).contains("\"state\":\"assessed\"").contains("\"kind\":\"assessed\"");

        HttpClient browser = TestApp.browserlessClient();
        String csrf = t.login(browser, sup.username());
        HttpResponse<String> fromItem = t.send(browser, "POST", "/review/cases", Html.form("_csrf", csrf,
                "itemId", String.valueOf(item)), FORM);
        assertThat(fromItem.statusCode()).isEqualTo(302);
        String location = fromItem.headers().firstValue("Location").orElseThrow();
        assertThat(location).isNotEqualTo("/review/cases/" + caseId).startsWith("/review/cases/");
        t.app.detect.scores.score(List.of(item));
        assertThat(t.get(browser, location).body()).as("detection's score and reasons for each item")
                .contains("data-testid=\"priority\"");
        assertThat(t.get(browser, location).body()).contains("dir=\"auto\"")
                .contains("data-copy-target=\"#text-" + item + "\"");
        assertThat(t.get(browser, "/review/cases/" + caseId).body()).doesNotContain("<b>[synthetic]</b>")
                .contains("&lt;b&gt;[synthetic]&lt;/b&gt;").contains("data-testid=\"own-assessment\"");
        assertThat(t.get(browser, "/items/" + item).body()).contains("action=\"/review/cases\"");
    }

    @Test
    void platformUsersSeeNoCasesAtAll() throws Exception {
        User staff = t.platformUser("review-platform", t.platform("review-osp", "Review OSP"));
        String token = t.token(staff);
        HttpClient c = TestApp.browserlessClient();
        for (String path : List.of("/api/v1/cases", "/api/v1/cases/1", "/api/v1/cases/queues")) {
            assertThat(t.get(c, path, "Authorization", "Bearer " + token).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(t.send(c, "POST", "/api/v1/cases/next?queue=1", "{}", JSON, "Authorization", "Bearer " + token)
                .statusCode()).isEqualTo(403);
        HttpClient browser = TestApp.browserlessClient();
        t.login(browser, staff.username());
        assertThat(t.get(browser, "/review").statusCode()).isEqualTo(403);
    }

    @Test
    void nextAnswersNoContentWhenNothingWaitsAndBulkIsCappedInTheApi() throws Exception {
        User sup = t.user("api-bulk", Role.SUPERVISOR);
        String token = t.token(sup);
        HttpClient c = TestApp.browserlessClient();
        long queue = t.app.db.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO review_queues (name) VALUES ('empty-http') RETURNING id").mapTo(Long.class).one());
        assertThat(t.send(c, "POST", "/api/v1/cases/next?queue=" + queue, null, null, "Authorization",
                "Bearer " + token).statusCode()).isEqualTo(204);
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= 1001; i++) {
            ids.append(i == 1 ? "" : ",").append(i);
        }
        HttpResponse<String> bulk = t.send(c, "POST", "/api/v1/cases/bulk", "{\"caseIds\":[" + ids
                + "],\"action\":\"close\",\"reason\":\"x\",\"confirmCount\":1001}", JSON, "Authorization", "Bearer " + token);
        assertThat(bulk.statusCode()).isEqualTo(400);
        assertThat(bulk.body()).contains("at most 1000");
        HttpResponse<String> queues = t.get(c, "/api/v1/cases/queues", "Authorization", "Bearer " + token);
        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(queues.body()).contains("\"name\":\"general\"").contains("\"waiting\"");
    }

    @Test
    void aBulkActionOnThePageShowsTheCountBeforeItRuns() throws Exception {
        User sup = t.user("page-bulk", Role.SUPERVISOR);
        List<Long> cases = ReviewFixture.items(t.app, "page-bulk", 2).stream()
                .map(item -> ReviewFixture.caseOf(t.app, t.unit, item, false)).toList();
        HttpClient browser = TestApp.browserlessClient();
        String csrf = t.login(browser, sup.username());
        String ids = "caseId=" + cases.get(0) + "&caseId=" + cases.get(1);
        HttpResponse<String> confirm = t.send(browser, "POST", "/review/bulk", "_csrf=" + csrf + "&" + ids
                + "&action=close&queue=general&reason=dup", FORM);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(org.jsoup.Jsoup.parse(confirm.body()).selectFirst("[data-testid=bulk-confirm]").text())
                .startsWith("2 cases will be changed");
        assertThat(t.app.review.queries.row(cases.get(0)).orElseThrow().state()).isEqualTo("new");
        HttpResponse<String> done = t.send(browser, "POST", "/review/bulk", "_csrf=" + csrf + "&" + ids
                + "&action=close&queue=general&reason=dup&confirmCount=2", FORM);
        assertThat(done.body()).contains("data-testid=\"bulk-done\"");
        assertThat(t.app.review.queries.row(cases.get(1)).orElseThrow().state()).isEqualTo("closed");
    }
}
