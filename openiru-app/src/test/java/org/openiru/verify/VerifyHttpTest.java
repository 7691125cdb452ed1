package org.openiru.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;

/** The reappearance and preservation pages, fragments and API over real HTTP, in both languages. */
class VerifyHttpTest {
    private static final String FORM = "application/x-www-form-urlencoded";
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
    void aReappearanceIsListedCountedAndLinkedFromTheCasePageAndTheApi() throws Exception {
        RemovalFixture f = new RemovalFixture(t.app, "http");
        String picture = f.picture(11, 0);
        long removedItem = f.item(f.actor("h-1", "http_source"), "[synthetic] removed", picture, null);
        long removedCase = f.removedCase(List.of(removedItem), Duration.ofHours(1));
        t.app.reappear.step.sync();
        long copy = f.item(f.actor("h-2", "http_copy"), "[synthetic] <b>copy</b>", picture, null);
        assertThat(t.app.reappear.check.check(List.of(copy))).hasSize(1);
        long reappeared = t.app.reappear.reappearances.ofCase(removedCase).get(0).caseId();

        User analyst = t.user("reap-analyst", Role.ANALYST);
        HttpClient browser = TestApp.browserlessClient();
        t.login(browser, analyst.username());
        HttpResponse<String> page = t.get(browser, "/verify/reappearances");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"reappearance\"").contains("/review/cases/" + removedCase)
                .contains("same file").contains("[synthetic] Chat http");
        HttpResponse<String> casePage = t.get(browser, "/review/cases/" + reappeared);
        assertThat(casePage.body()).contains("hx-get=\"/verify/cases/" + reappeared + "/reappeared\"");
        HttpResponse<String> fragment = t.get(browser, "/verify/cases/" + reappeared + "/reappeared");
        assertThat(fragment.body()).contains("data-testid=\"reappeared-from\"")
                .contains("Reappeared: content of removed case #" + removedCase + " (same file)");
        assertThat(t.get(browser, "/verify/cases/" + removedCase + "/reappeared").body())
                .contains("data-testid=\"reappeared-to\"");

        HttpResponse<String> api = t.get(TestApp.browserlessClient(), "/api/v1/reappearances",
                "Authorization", "Bearer " + t.token(analyst));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"how\":\"blob\"").contains("\"removedCaseId\":" + removedCase);

        User platformUser = t.platformUser("reap-platform", f.platform);
        assertThat(t.get(TestApp.browserlessClient(), "/api/v1/reappearances", "Authorization", "Bearer "
                + t.token(platformUser)).statusCode()).isEqualTo(403);

        User arabic = t.app.users.create(RemovalFixture.SYSTEM, new Users.NewUser(t.unit.id(), "reap-ar", "reap-ar",
                "", EnumSet.of(Role.ANALYST), null, "ar", TestApp.PASSWORD));
        HttpClient ar = TestApp.browserlessClient();
        t.login(ar, arabic.username());
        String arPage = t.get(ar, "/verify/reappearances").body();
        assertThat(arPage).contains("dir=\"rtl\"").contains("الملف نفسه");
    }

    @Test
    void aSupervisorPlacesALegalHoldShownOnTheItemPageEscapedAndAnAnalystCannot() throws Exception {
        RemovalFixture f = new RemovalFixture(t.app, "hold");
        long item = f.item(f.actor("k-1", "hold_source"), "[synthetic] removed", null, null);
        f.removedCase(List.of(item), Duration.ofHours(1));
        User supervisor = t.user("hold-sup", Role.SUPERVISOR);
        User analyst = t.user("hold-analyst", Role.ANALYST);

        HttpClient analystBrowser = TestApp.browserlessClient();
        String analystCsrf = t.login(analystBrowser, analyst.username());
        String before = t.get(analystBrowser, "/verify/items/" + item + "/preservation").body();
        assertThat(before).contains("Preserved until").contains("183 days");
        assertThat(t.get(analystBrowser, "/items/" + item).body())
                .contains("hx-get=\"/verify/items/" + item + "/preservation\"");
        assertThat(t.send(analystBrowser, "POST", "/verify/items/" + item + "/legal-holds",
                Html.form("_csrf", analystCsrf, "reason", "[synthetic] no"), FORM).statusCode()).isEqualTo(403);

        HttpClient browser = TestApp.browserlessClient();
        String csrf = t.login(browser, supervisor.username());
        HttpResponse<String> placed = t.send(browser, "POST", "/verify/items/" + item + "/legal-holds",
                Html.form("_csrf", csrf, "reason", "[synthetic] <script>alert(1)</script> court case", "until", ""),
                FORM);
        assertThat(placed.statusCode()).isEqualTo(302);
        String after = t.get(browser, "/verify/items/" + item + "/preservation").body();
        assertThat(after).contains("Under legal hold until it is lifted").contains("&lt;script&gt;")
                .doesNotContain("<script>alert").contains("data-testid=\"lift-legal-hold\"");
        HttpResponse<String> badDate = t.send(browser, "POST", "/verify/items/" + item + "/legal-holds",
                Html.form("_csrf", csrf, "reason", "[synthetic] x", "until", "next week"), FORM);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("until");
    }
}
