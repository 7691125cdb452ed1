package org.openiru.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;

/** Cross-site request forgery protection on forms and cookie-authenticated API calls, and the login itself. */
class CsrfAndLoginTest {
    private static TestApp t;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        t.user("admin-1", Role.ADMIN);
        t.user("guessed", Role.ANALYST);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void aFormPostWithoutTheTokenIsRefusedAndWithItAccepted() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String csrf = t.login(c, "admin-1");
        String form = Html.form("name", "Forged", "kind", "forum");
        HttpResponse<String> forged = t.send(c, "POST", "/platforms", form, "application/x-www-form-urlencoded");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(t.app.platforms.findBySlug("forged")).isEmpty();

        HttpResponse<String> wrong = t.send(c, "POST", "/platforms", form + "&_csrf=nope",
                "application/x-www-form-urlencoded");
        assertThat(wrong.statusCode()).isEqualTo(403);

        HttpResponse<String> ok = t.send(c, "POST", "/platforms", form + "&_csrf=" + csrf,
                "application/x-www-form-urlencoded");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(t.app.platforms.findBySlug("forged")).isPresent();
    }

    @Test
    void cookieAuthenticatedApiCallsNeedTheHeaderButBearerTokensDoNot() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String csrf = t.login(c, "admin-1");
        String body = "{\"name\":\"ci token\"}";
        HttpResponse<String> noHeader = t.send(c, "POST", "/api/v1/tokens", body, "application/json");
        assertThat(noHeader.statusCode()).isEqualTo(403);
        assertThat(noHeader.body()).contains("\"code\":\"csrf\"");
        HttpResponse<String> withHeader = t.send(c, "POST", "/api/v1/tokens", body, "application/json",
                Csrf.HEADER, csrf);
        assertThat(withHeader.statusCode()).isEqualTo(201);
        String token = withHeader.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        HttpClient noCookies = TestApp.browserlessClient();
        HttpResponse<String> bearer = t.send(noCookies, "POST", "/api/v1/platforms",
                "{\"name\":\"Via token\",\"kind\":\"forum\"}", "application/json", "Authorization", "Bearer " + token);
        assertThat(bearer.statusCode()).isEqualTo(201);
    }

    @Test
    void theLoginFormItselfNeedsItsOwnToken() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        HttpResponse<String> r = t.send(c, "POST", "/login",
                Html.form("username", "admin-1", "password", TestApp.PASSWORD), "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(h -> h.startsWith(Sessions.COOKIE + "=") && !h.startsWith(Sessions.COOKIE + "=;"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String formToken = Html.formInputValue(t.get(c, "/login").body(), "/login", "_csrf");
        HttpResponse<String> r = t.send(c, "POST", "/login", Html.form("_csrf", formToken, "username", "admin-1",
                "password", TestApp.PASSWORD), "application/x-www-form-urlencoded");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(Sessions.COOKIE))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void repeatedWrongPasswordsAreThrottledEvenWhenTheRightOneFollows() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        for (int i = 0; i < LoginThrottle.MAX_PER_USER; i++) {
            String formToken = Html.formInputValue(t.get(c, "/login").body(), "/login", "_csrf");
            HttpResponse<String> r = t.send(c, "POST", "/login", Html.form("_csrf", formToken, "username", "guessed",
                    "password", "wrong-" + i), "application/x-www-form-urlencoded");
            assertThat(r.statusCode()).isEqualTo(401);
        }
        String formToken = Html.formInputValue(t.get(c, "/login").body(), "/login", "_csrf");
        HttpResponse<String> r = t.send(c, "POST", "/login", Html.form("_csrf", formToken, "username", "guessed",
                "password", TestApp.PASSWORD), "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(t.app.audit.search(new org.openiru.audit.AuditLog.Filter("auth.login_throttled", null, null,
                null, null, null), null, 10)).isNotEmpty();
    }

    @Test
    void loginRedirectsOnlyWithinTheSite() {
        assertThat(AuthRoutes.safeNext("/platforms?x=1")).isEqualTo("/platforms?x=1");
        assertThat(AuthRoutes.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(AuthRoutes.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(AuthRoutes.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(AuthRoutes.safeNext(null)).isEqualTo("/");
    }

    @Test
    void passwordsAreStoredAsArgon2id() {
        String stored = t.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT password_hash FROM users WHERE username = 'admin-1'").mapTo(String.class).one());
        assertThat(stored).startsWith("$argon2id$").doesNotContain(TestApp.PASSWORD);
    }
}
