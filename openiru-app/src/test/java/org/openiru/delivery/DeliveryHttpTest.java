package org.openiru.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;

/** The delivery log and the webhook secret over real HTTP: who may see and do what, escaping, RTL. */
class DeliveryHttpTest {
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

    private static long dead(String key, String subject) {
        long platform = DeliveryFixture.platform(t.app, key.replaceAll("[^a-z]", ""), "");
        long id = DeliveryFixture.add(t.app, new Outgoing(key, "email", "platform", platform, null,
                "abuse@x.example", subject, "text", null, List.of()));
        t.app.db.jdbi().useHandle(h -> h.createUpdate("UPDATE deliveries SET status = 'dead', attempts = 5 WHERE id = ?")
                .bind(0, id).execute());
        return id;
    }

    private static String secret(String html) {
        return org.jsoup.Jsoup.parse(html).selectFirst("[data-testid=secret]").text();
    }

    @Test
    void aSupervisorRetriesADeadLetterOnTheArabicPageAndItIsAudited() throws Exception {
        long id = dead("deadpage", "<script>alert(1)</script> [synthetic]");
        User sup = t.app.users.create(DeliveryFixture.SYSTEM, new Users.NewUser(t.unit.id(), "del-sup-ar", "del-sup-ar",
                "", EnumSet.of(Role.SUPERVISOR), null, "ar", TestApp.PASSWORD));
        HttpClient browser = TestApp.browserlessClient();
        String csrf = t.login(browser, sup.username());

        HttpResponse<String> page = t.get(browser, "/deliveries?status=dead");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"").contains("سجل الإرسال")
                .contains("data-testid=\"retry-" + id + "\"").doesNotContain("<script>alert(1)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        HttpResponse<String> noToken = t.send(browser, "POST", "/deliveries/" + id + "/retry", Html.form("x", "1"), FORM);
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> retried = t.send(browser, "POST", "/deliveries/" + id + "/retry",
                Html.form("_csrf", csrf), FORM);
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(DeliveryFixture.row(t.app, id)).containsEntry("status", "pending").containsEntry("attempts", 0);
        assertThat(t.app.audit.search(new AuditLog.Filter("delivery.retried", "delivery", String.valueOf(id), null,
                null, null), null, 5)).singleElement().satisfies(e -> assertThat(e.actorName()).isEqualTo("del-sup-ar"));
        HttpResponse<String> again = t.send(browser, "POST", "/deliveries/" + id + "/retry",
                Html.form("_csrf", csrf), FORM);
        assertThat(again.statusCode()).as("only dead letters").isEqualTo(409);
    }

    @Test
    void auditorsReadTheLogAndApiButCannotRetryAndOthersSeeNothing() throws Exception {
        long id = dead("deadapi", "[synthetic] subject");
        String auditor = t.token(t.user("del-auditor", Role.AUDITOR));
        HttpClient c = TestApp.browserlessClient();
        HttpResponse<String> api = t.get(c, "/api/v1/deliveries?status=dead&channel=email", "Authorization",
                "Bearer " + auditor);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"key\":\"deadapi\"").contains("\"attemptLog\":[]");
        assertThat(t.send(c, "POST", "/api/v1/deliveries/" + id + "/retry", "{}", "application/json",
                "Authorization", "Bearer " + auditor).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = t.get(c, "/api/v1/deliveries?status=lost", "Authorization", "Bearer " + auditor);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"status\"");

        String analyst = t.token(t.user("del-analyst", Role.ANALYST));
        String platformUser = t.token(t.platformUser("del-osp", t.platform("del-osp", "Del OSP")));
        for (String token : List.of(analyst, platformUser)) {
            assertThat(t.get(c, "/api/v1/deliveries", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
            assertThat(t.get(c, "/deliveries", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
        }
        String admin = t.token(t.user("del-admin", Role.ADMIN));
        HttpResponse<String> retried = t.send(c, "POST", "/api/v1/deliveries/" + id + "/retry", "{}",
                "application/json", "Authorization", "Bearer " + admin);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(DeliveryFixture.row(t.app, id)).containsEntry("status", "pending");
    }

    @Test
    void settingAWebhookUrlMakesASecretShownOnceAndRotatingReplacesIt() throws Exception {
        User admin = t.user("del-secret-admin", Role.ADMIN);
        HttpClient browser = TestApp.browserlessClient();
        String csrf = t.login(browser, admin.username());
        HttpResponse<String> created = t.send(browser, "POST", "/platforms", Html.form("_csrf", csrf, "name",
                "Hook OSP", "slug", "hook-osp", "kind", "forum", "webhookUrl", "https://hooks.hook-osp.example/iru"),
                FORM);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String first = secret(created.body());
        assertThat(first).matches("whsec_[0-9a-f]{64}");
        long id = t.app.platforms.findBySlug("hook-osp").orElseThrow().id();

        HttpResponse<String> edit = t.get(browser, "/platforms/" + id + "/edit");
        assertThat(edit.body()).contains("data-testid=\"rotate-secret\"").doesNotContain(first);
        HttpResponse<String> saved = t.send(browser, "POST", "/platforms/" + id, Html.form("_csrf", csrf, "name",
                "Hook OSP", "slug", "hook-osp", "kind", "forum", "webhookUrl", "https://hooks.hook-osp.example/v2"),
                FORM);
        assertThat(saved.statusCode()).as("the secret stays when the URL changes").isEqualTo(302);

        HttpResponse<String> rotated = t.send(browser, "POST", "/platforms/" + id + "/webhook-secret",
                Html.form("_csrf", csrf), FORM);
        String second = secret(rotated.body());
        assertThat(second).matches("whsec_[0-9a-f]{64}").isNotEqualTo(first);
        String stored = t.app.db.jdbi().withHandle(h -> h.createQuery("SELECT webhook_secret FROM platforms WHERE id = ?")
                .bind(0, id).mapTo(String.class).one());
        assertThat(stored).isEqualTo(second);
        assertThat(t.app.audit.search(new AuditLog.Filter(null, "platform", String.valueOf(id), null, null, null),
                null, 10)).extracting(e -> e.action()).contains("platform.webhook_secret.created",
                "platform.webhook_secret.rotated");
        assertThat(t.app.audit.search(new AuditLog.Filter(null, "platform", String.valueOf(id), null, null, null),
                null, 10)).noneMatch(e -> e.payload().contains(second) || e.payload().contains(first));

        String token = t.token(admin);
        HttpResponse<String> api = t.send(TestApp.browserlessClient(), "POST", "/api/v1/platforms/" + id
                + "/webhook-secret", "{}", "application/json", "Authorization", "Bearer " + token);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).matches("\\{\"secret\":\"whsec_[0-9a-f]{64}\"}");
    }

    @Test
    void aPlatformCreatedThroughTheApiWithAWebhookUrlGetsItsSecretOnce() throws Exception {
        String token = t.token(t.user("del-api-admin", Role.ADMIN));
        HttpClient c = TestApp.browserlessClient();
        HttpResponse<String> created = t.send(c, "POST", "/api/v1/platforms", """
                {"slug": "api-hook", "name": "API Hook OSP", "kind": "forum",
                 "webhookUrl": "https://hooks.api-hook.example/iru"}""", "application/json",
                "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(created.body()).contains("\"slug\":\"api-hook\"").containsPattern("\"webhookSecret\":\"whsec_[0-9a-f]{64}\"");
        long id = t.app.platforms.findBySlug("api-hook").orElseThrow().id();

        HttpResponse<String> changed = t.send(c, "PUT", "/api/v1/platforms/" + id, """
                {"slug": "api-hook", "name": "API Hook OSP", "kind": "forum",
                 "webhookUrl": "https://hooks.api-hook.example/v2"}""", "application/json",
                "Authorization", "Bearer " + token);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).as("the secret is given once").doesNotContain("webhookSecret");
    }
}
