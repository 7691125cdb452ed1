package org.openiru.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;

/**
 * The portal and the referral pages over real HTTP: a platform user sees and answers only their platform's
 * referrals (pages and API), receipt is stamped once, answers are validated and all-or-nothing, forms need CSRF.
 */
class PortalHttpTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static TestApp t;
    private static ReferralFixture unit;
    private static long mine;
    private static long theirs;
    private static long mineItem;
    private static long theirItem;
    private static User platformUser;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        unit = new ReferralFixture(t.app, "test-unit");
        long p1 = t.platform("portal-one", "Portal One");
        long p2 = t.platform("portal-two", "Portal Two");
        unit.approvedCase(List.of(ReferralFixture.items(t.app, p1, "portal-one", 2).get(0),
                ReferralFixture.items(t.app, p2, "portal-two", 1).get(0)));
        Referrals.Result r = t.app.referral.referrals.referApproved(unit.actor(), unit.unit().id(), null);
        mine = r.referrals().stream().filter(m -> m.platformId() == p1).findFirst().orElseThrow().id();
        theirs = r.referrals().stream().filter(m -> m.platformId() == p2).findFirst().orElseThrow().id();
        mineItem = itemOf(mine);
        theirItem = itemOf(theirs);
        platformUser = t.platformUser("portal-one-staff", p1);
    }

    /** One more approved case with one item on the platform, referred; returns the referral. */
    private static long referOne(long platform, String prefix) {
        long c = unit.approvedCase(ReferralFixture.items(t.app, platform, prefix, 1));
        return t.app.referral.referrals.referApproved(unit.actor(), unit.unit().id(), List.of(c)).referrals().get(0).id();
    }

    private static long itemOf(long referral) {
        return t.app.referral.queries.detail(referral, null, null).orElseThrow().items().get(0).id();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static long answers(long item) {
        return t.app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM referral_answers "
                + "WHERE referral_item_id = ?").bind(0, item).mapTo(Long.class).one());
    }

    @Test
    void aPlatformUserSeesOnlyTheirPlatformAndOpeningStampsReceiptOnce() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        t.login(c, platformUser.username());
        String list = t.get(c, "/portal").body();
        assertThat(list).contains("data-referral=\"" + mine + "\"").doesNotContain("data-referral=\"" + theirs + "\"");
        assertThat(t.get(c, "/portal/referrals/" + theirs).statusCode()).isEqualTo(404);
        assertThat(t.app.referral.queries.row(theirs, null, null).orElseThrow().receivedAt()).isNull();

        // A referral of its own, so that the API test (which fetches, and so also receives) cannot come first.
        long fresh = referOne(platformUser.platformId(), "portal-page");
        assertThat(t.get(c, "/portal/referrals/" + fresh).statusCode()).isEqualTo(200);
        var first = t.app.referral.queries.row(fresh, null, null).orElseThrow();
        assertThat(first.receivedVia()).isEqualTo("portal");
        assertThat(t.get(c, "/portal/referrals/" + fresh).body()).contains("data-testid=\"received\"");
        assertThat(t.app.referral.queries.row(fresh, null, null).orElseThrow().receivedAt())
                .isEqualTo(first.receivedAt());
        assertThat(t.app.audit.search(new org.openiru.audit.AuditLog.Filter("referral.received", "referral",
                String.valueOf(fresh), null, null, null), null, 5)).hasSize(1);

        assertThat(t.get(c, "/referrals").statusCode()).isEqualTo(403);
        assertThat(t.get(c, "/api/v1/referrals/" + mine).statusCode()).isEqualTo(403);
    }

    @Test
    void formAnswersNeedCsrfAReasonForARejectionAndAreRecorded() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String csrf = t.login(c, platformUser.username());
        String path = "/portal/referrals/" + mine + "/answers";
        long before = answers(mineItem);
        HttpResponse<String> forged = t.send(c, "POST", path, Html.form("item", String.valueOf(mineItem), "answer",
                "removed"), FORM);
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> noReason = t.send(c, "POST", path, Html.form("_csrf", csrf, "item",
                String.valueOf(mineItem), "answer", "rejected", "reason", " "), FORM);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("data-testid=\"answer-error\"").contains("Say why the referral is rejected");
        HttpResponse<String> foreign = t.send(c, "POST", "/portal/referrals/" + theirs + "/answers",
                Html.form("_csrf", csrf, "item", String.valueOf(theirItem), "answer", "removed"), FORM);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(answers(mineItem)).isEqualTo(before);
        assertThat(answers(theirItem)).isZero();

        HttpResponse<String> ok = t.send(c, "POST", path, Html.form("_csrf", csrf, "item", String.valueOf(mineItem),
                "answer", "rejected", "reason", "<script>[synthetic] not against our terms</script>"), FORM);
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(answers(mineItem)).isEqualTo(before + 1);
        String page = t.get(c, "/portal/referrals/" + mine).body();
        assertThat(page).contains("&lt;script&gt;[synthetic] not against our terms").doesNotContain("<script>[synth");
    }

    @Test
    void theApiAnswersAllOrNothingForTheTokensPlatformOnly() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String bearer = "Bearer " + t.token(platformUser);
        HttpResponse<String> open = t.get(c, "/api/v1/platform/referrals", "Authorization", bearer);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).contains("portal-one.example").doesNotContain("portal-two.example");
        assertThat(t.app.referral.queries.row(mine, null, null).orElseThrow().receivedAt())
                .as("fetching through the API is receipt too").isNotNull();
        long fresh = referOne(platformUser.platformId(), "portal-api");
        t.get(c, "/api/v1/platform/referrals", "Authorization", bearer);
        assertThat(t.app.referral.queries.row(fresh, null, null).orElseThrow().receivedVia()).isEqualTo("api");

        long before = answers(mineItem);
        HttpResponse<String> foreign = t.send(c, "POST", "/api/v1/platform/answers", "{\"answers\":[{\"referralItemId\":"
                + mineItem + ",\"answer\":\"removed\"},{\"referralItemId\":" + theirItem + ",\"answer\":\"removed\"}]}",
                JSON, "Authorization", bearer);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("\"field\":\"answers[1].referralItemId\"");
        assertThat(answers(mineItem)).isEqualTo(before);
        assertThat(answers(theirItem)).isZero();

        HttpResponse<String> bad = t.send(c, "POST", "/api/v1/platform/answers", "{\"answers\":[{\"referralItemId\":"
                + mineItem + ",\"answer\":\"removed\"},{\"referralItemId\":" + mineItem + ",\"answer\":\"need_information\"}]}",
                JSON, "Authorization", bearer);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"answers[1].reason\"");
        HttpResponse<String> wrong = t.send(c, "POST", "/api/v1/platform/answers", "{\"answers\":[{\"referralItemId\":"
                + mineItem + ",\"answer\":\"cannot_execute\",\"reasonCode\":\"force_majeure\",\"reason\":\"x\"}]}",
                JSON, "Authorization", bearer);
        assertThat(wrong.body()).contains("\"field\":\"answers[0].answer\"");
        assertThat(answers(mineItem)).isEqualTo(before);

        HttpResponse<String> ok = t.send(c, "POST", "/api/v1/platform/answers", "{\"answers\":[{\"referralItemId\":"
                + mineItem + ",\"answer\":\"removed\",\"actedAt\":\"2026-01-02T03:04:05Z\"}]}", JSON,
                "Authorization", bearer);
        assertThat(ok.statusCode()).isEqualTo(201);
        ReferralQueries.AnswerRow last = t.app.referral.queries.detail(mine, null, null).orElseThrow().items().get(0)
                .answers().stream().reduce((x, y) -> y).orElseThrow();
        assertThat(last.answer()).isEqualTo("removed");
        assertThat(last.via()).isEqualTo("api");
        assertThat(last.actedAt()).isEqualTo(java.time.Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void theUnitRefersFromTheReadyPageAfterConfirmingAndSeesOnlyItsOwnReferrals() throws Exception {
        long p3 = t.platform("portal-three", "Portal Three");
        long caseId = unit.approvedCase(ReferralFixture.items(t.app, p3, "portal-three", 2));
        User analyst = t.user("ready-analyst", Role.ANALYST);
        HttpClient c = TestApp.browserlessClient();
        String csrf = t.login(c, analyst.username());
        assertThat(t.get(c, "/referrals/ready").body()).contains("data-case=\"" + caseId + "\"");
        HttpResponse<String> confirm = t.send(c, "POST", "/referrals/ready", Html.form("_csrf", csrf, "caseId",
                String.valueOf(caseId)), FORM);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("data-testid=\"refer-confirm\"").contains("This refers 2 items to 1 platforms");
        assertThat(t.app.review.queries.row(caseId).orElseThrow().workflow()).isEqualTo("approved");
        HttpResponse<String> done = t.send(c, "POST", "/referrals/ready", Html.form("_csrf", csrf, "caseId",
                String.valueOf(caseId), "confirm", "1"), FORM);
        assertThat(done.body()).contains("data-testid=\"refer-done\"");
        assertThat(t.app.review.queries.row(caseId).orElseThrow().workflow()).isEqualTo("referred");
        assertThat(t.get(c, "/referrals?platform=" + p3).body()).contains("Portal Three");

        User stranger = ReferralFixture.user(t.app, ReferralFixture.unit(t.app, "stranger-unit"), "stranger",
                Role.ANALYST);
        HttpClient s = TestApp.browserlessClient();
        t.login(s, stranger.username());
        assertThat(t.get(s, "/referrals/" + mine).statusCode()).isEqualTo(404);
        assertThat(t.get(s, "/api/v1/referrals", "Authorization", "Bearer " + t.token(stranger)).body())
                .isEqualTo("[]");
        HttpResponse<String> api = t.get(c, "/api/v1/referrals/" + mine, "Authorization", "Bearer " + t.token(analyst));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"deliveries\"");
    }
}
