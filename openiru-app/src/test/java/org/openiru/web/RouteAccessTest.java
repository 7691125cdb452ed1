package org.openiru.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.testing.TestApp;

/** Walks every registered route: nothing but the declared public ones answers a caller who is not logged in. */
class RouteAccessTest {
    /** The routes anyone may call. Adding one here is a deliberate decision. */
    private static final Set<String> PUBLIC = Set.of("GET /healthz", "GET /readyz", "GET /api/openapi.json",
            "GET /api/docs", "GET /login", "POST /login", "POST /language", "GET /login/oidc",
            "GET /login/oidc/callback", "GET /api/v1/units/{slug}/signing-key");

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
    void everyRouteRefusesAnonymousCallersUnlessDeclaredPublic() throws Exception {
        HttpClient client = TestApp.browserlessClient();
        List<String> problems = new ArrayList<>();
        Set<String> publicSeen = new TreeSet<>();
        for (Routes.Route r : t.web.routes().all()) {
            String name = r.method().name() + " " + r.path();
            if (r.roles().contains(Access.PUBLIC)) {
                publicSeen.add(name);
                continue;
            }
            HttpResponse<String> res = t.send(client, r.method().name(), concrete(r.path()), "{}",
                    "application/json");
            if (res.statusCode() != 401) {
                problems.add(name + " answered " + res.statusCode() + " to an anonymous caller");
            } else if (r.api()) {
                assertThat(res.body()).as(name).contains("\"code\":\"unauthenticated\"");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(PUBLIC).containsAll(publicSeen);
        assertThat(t.web.routes().all()).hasSizeGreaterThan(20);
    }

    @Test
    void browsersAreSentToTheLoginPageWithTheirDestination() throws Exception {
        HttpResponse<String> res = t.get(TestApp.browserlessClient(), "/platforms?x=1", "Accept", "text/html");
        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location")).hasValue("/login?next=%2Fplatforms%3Fx%3D1");
    }

    @Test
    void aRoleThatIsNotDeclaredIsRefusedEvenWithAValidToken() throws Exception {
        User triage = t.user("triage-1", Role.TRIAGE);
        String token = t.token(triage);
        HttpClient client = TestApp.browserlessClient();
        HttpResponse<String> res = t.send(client, "POST", "/api/v1/platforms", "{\"name\":\"X\",\"kind\":\"forum\"}",
                "application/json", "Authorization", "Bearer " + token);
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(res.body()).contains("\"code\":\"forbidden\"");
        assertThat(t.get(client, "/metrics", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
        assertThat(t.get(client, "/api/v1/platforms", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRouteCannotBeRegisteredWithoutDeclaringAccess() {
        assertThatThrownBy(() -> new Routes().get("/x", "x", ctx -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no access");
    }

    @Test
    void theOpenApiDocumentListsEveryRouteWithItsAccess() throws Exception {
        HttpResponse<String> res = t.get(TestApp.browserlessClient(), "/api/openapi.json");
        assertThat(res.statusCode()).isEqualTo(200);
        for (Routes.Route r : t.web.routes().all()) {
            assertThat(res.body()).as(r.path()).contains("\"" + r.path() + "\"");
        }
        assertThat(res.body()).contains("\"openapi\":\"3.0.3\"", "x-openiru-access");
    }

    @Test
    void unknownApiRoutesAnswerTheUniformJsonError() throws Exception {
        HttpResponse<String> res = t.get(TestApp.browserlessClient(), "/api/v1/does-not-exist");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.body()).contains("{\"error\":{\"code\":\"not_found\"");
    }

    @Test
    void securityHeadersAreOnEveryAnswer() throws Exception {
        HttpResponse<String> res = t.get(TestApp.browserlessClient(), "/login");
        assertThat(res.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(res.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(res.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(res.headers().firstValue("X-Request-Id")).isPresent();
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "1").replaceAll("<[^>]+>", "1");
    }
}
