package org.openiru.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.app.OpenIruConfig;
import org.openiru.testing.TestApp;

/** The whole single sign-on flow against an in-process OpenID provider, over loopback HTTP. */
class OidcLoginTest {
    private static final String ISSUER_ID = "iru";
    private static MockOAuth2Server idp;
    private static TestApp app;
    private static String issuer;

    @BeforeAll
    static void start() {
        idp = new MockOAuth2Server();
        idp.start(InetAddress.getLoopbackAddress(), 0);
        issuer = idp.issuerUrl(ISSUER_ID).toString();
        app = TestApp.start(TestApp.config().withOidc(new OpenIruConfig.Oidc(URI.create(issuer), "openiru",
                "secret", "roles", "unit", "test-unit", "Test SSO")));
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.shutdown();
    }

    @Test
    void logsInCreatesTheUserAndUpdatesRolesOnTheNextLogin() throws Exception {
        HttpClient browser = TestApp.browserlessClient();
        provide("sub-1", Map.of("roles", List.of("Analyst", "offline_access"), "unit", "test-unit",
                "preferred_username", "alice", "name", "Alice A", "email", "alice@example.test"));
        HttpResponse<String> done = callback(browser, authorize(browser, "/account"));
        assertEquals(302, done.statusCode(), done.body());
        assertEquals("/account", location(done));

        JsonNode me = me(browser);
        assertEquals("alice", me.get("username").asText());
        assertEquals("[\"analyst\"]", me.get("roles").toString());
        assertEquals(issuer + "|sub-1", app.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT oidc_issuer || '|' || oidc_subject FROM users WHERE username = 'alice'")
                .mapTo(String.class).one()));
        assertEquals(1, count("SELECT count(*) FROM audit_events WHERE action = 'auth.login' "
                + "AND payload->>'method' = 'oidc' AND subject_id = '" + me.get("id").asLong() + "'"));

        // Keycloak style: realm roles only, as a second login of the same subject.
        HttpClient again = TestApp.browserlessClient();
        provide("sub-1", Map.of("realm_access", Map.of("roles", List.of("supervisor", "triage")),
                "preferred_username", "alice", "name", "Alice A"));
        assertEquals(302, callback(again, authorize(again, "/")).statusCode());
        assertEquals("[\"supervisor\",\"triage\"]", me(again).get("roles").toString());
    }

    @Test
    void aStateIsAnsweredOnlyOnce() throws Exception {
        HttpClient browser = TestApp.browserlessClient();
        provide("sub-2", Map.of("roles", "auditor", "preferred_username", "bob"));
        String back = authorize(browser, "/");
        assertEquals(302, callback(browser, back).statusCode());

        HttpResponse<String> replay = callback(TestApp.browserlessClient(), back);
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().contains("expired or was already used"), replay.body());
        assertEquals(400, app.get(TestApp.browserlessClient(), "/login/oidc/callback?state=nope&code=x")
                .statusCode());
    }

    @Test
    void refusesATokenWithoutAKnownRoleOrWithThePlatformRole() throws Exception {
        HttpClient browser = TestApp.browserlessClient();
        provide("sub-3", Map.of("roles", List.of("viewer"), "preferred_username", "carol"));
        HttpResponse<String> refused = callback(browser, authorize(browser, "/"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("no OpenIRU role"), refused.body());

        provide("sub-4", Map.of("roles", "platform", "preferred_username", "dave"));
        assertEquals(403, callback(browser, authorize(browser, "/")).statusCode());

        assertEquals(2, count("SELECT count(*) FROM audit_events WHERE action = 'auth.sso_refused' "
                + "AND subject_id IN ('carol', 'dave')"));
        assertEquals(0, count("SELECT count(*) FROM users WHERE username IN ('carol', 'dave')"));
    }

    @Test
    void refusesAnIdTokenForAnotherNonce() throws Exception {
        HttpClient browser = TestApp.browserlessClient();
        provide("sub-5", Map.of("roles", List.of("analyst"), "preferred_username", "eve"));
        String toIdp = app.get(browser, "/login/oidc").headers().firstValue("Location").orElseThrow();
        // The provider echoes the nonce it is given into the ID token; hand it a different one.
        String tampered = toIdp.replaceFirst("nonce=[^&]+", "nonce=tampered");
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(tampered)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = callback(browser, location(back));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("could not be verified"), refused.body());
    }

    @Test
    void showsTheProvidersErrorEscaped() throws Exception {
        HttpResponse<String> r = app.get(TestApp.browserlessClient(),
                "/login/oidc/callback?error=access_denied&error_description=%3Cb%3Enope%3C%2Fb%3E");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("&lt;b&gt;nope"), r.body());
    }

    private static void provide(String subject, Map<String, Object> claims) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of("openiru"), claims,
                3600));
    }

    /** Starts at OpenIRU, passes the provider (which logs in without asking) and returns the callback URL. */
    private static String authorize(HttpClient browser, String next) throws Exception {
        HttpResponse<String> start = app.get(browser, "/login/oidc?next=" + next);
        assertEquals(302, start.statusCode(), start.body());
        HttpResponse<String> idpAnswer = browser.send(HttpRequest.newBuilder(URI.create(location(start))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, idpAnswer.statusCode(), idpAnswer.body());
        return location(idpAnswer);
    }

    private static HttpResponse<String> callback(HttpClient browser, String url) throws Exception {
        assertTrue(url.startsWith(app.url("/login/oidc/callback")), url);
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode me(HttpClient browser) throws Exception {
        HttpResponse<String> r = app.get(browser, "/api/v1/me");
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElseThrow();
    }

    private static long count(String sql) {
        return app.app.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
