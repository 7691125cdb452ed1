package org.openiru.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;

class UserRoutesTest {
    private static TestApp t;
    private static String adminToken;
    private static String analystToken;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        t.platform("chat", "Chat platform");
        adminToken = t.token(t.user("root", Role.ADMIN));
        analystToken = t.token(t.user("ana", Role.ANALYST));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void anAdministratorMakesAPlatformUserBoundToItsPlatform() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        HttpResponse<String> r = t.send(c, "POST", "/api/v1/users", """
                {"username":"chat-staff","unit":"test-unit","roles":["platform"],"platform":"chat"}""",
                "application/json", "Authorization", "Bearer " + adminToken);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"roles\":[\"platform\"]", "\"password\":\"");
        User u = t.app.users.findByUsername("chat-staff").orElseThrow();
        assertThat(u.platformId()).isEqualTo(t.app.platforms.findBySlug("chat").orElseThrow().id());
    }

    @Test
    void aPlatformRoleWithoutAPlatformOrWithOtherRolesIsRefusedNamingTheField() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        HttpResponse<String> r = t.send(c, "POST", "/api/v1/users", """
                {"username":"half","unit":"test-unit","roles":["platform","analyst"],"platform":"chat"}""",
                "application/json", "Authorization", "Bearer " + adminToken);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"platform\"");
        assertThat(t.app.users.findByUsername("half")).isEmpty();
    }

    @Test
    void onlyAdministratorsManageUsers() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        assertThat(t.get(c, "/api/v1/users", "Authorization", "Bearer " + analystToken).statusCode())
                .isEqualTo(403);
        assertThat(t.get(c, "/api/v1/users", "Authorization", "Bearer " + adminToken).statusCode())
                .isEqualTo(200);
    }

    @Test
    void deactivationEndsSessionsAndStopsTokens() throws Exception {
        User victim = t.user("leaver", Role.ANALYST);
        String token = t.token(victim);
        HttpClient browser = TestApp.browserlessClient();
        t.login(browser, "leaver");
        assertThat(t.get(browser, "/api/v1/me").statusCode()).isEqualTo(200);

        HttpResponse<String> r = t.send(TestApp.browserlessClient(), "PUT", "/api/v1/users/" + victim.id() + "/active",
                "{\"active\":false}", "application/json", "Authorization", "Bearer " + adminToken);
        assertThat(r.statusCode()).isEqualTo(200);

        assertThat(t.get(browser, "/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(t.get(TestApp.browserlessClient(), "/api/v1/me", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(401);
        assertThat(t.app.audit.search(new org.openiru.audit.AuditLog.Filter("user.deactivated", null,
                Long.toString(victim.id()), null, null, null), null, 5)).hasSize(1);
    }

    @Test
    void theFormShowsTheMadePasswordOnceAndItWorks() throws Exception {
        t.user("admin-form", Role.ADMIN);
        HttpClient c = TestApp.browserlessClient();
        String csrf = t.login(c, "admin-form");
        HttpResponse<String> r = t.send(c, "POST", "/users", Html.form("_csrf", csrf, "username", "newcomer",
                "displayName", "<b>New</b> محلل", "unit", "test-unit", "roles", "analyst", "language", "ar"),
                "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("&lt;b&gt;New&lt;/b&gt; محلل").doesNotContain("<b>New</b>");
        String password = r.body().replaceAll("(?s).*data-testid=\"new-password\">([^<]+)<.*", "$1");
        assertThat(t.app.users.checkPassword("newcomer", password)).isPresent();
        assertThat(t.get(c, "/users").body()).doesNotContain(password);
    }
}
