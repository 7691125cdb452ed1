package org.openiru.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.platform.PlatformInput;
import org.openiru.unit.Unit;
import org.openiru.unit.Units;
import org.openiru.web.WebServer;

/**
 * A whole OpenIRU on a fresh database of its own, with the web server on a free port, and helpers to make
 * users and call it over real HTTP. Use one per test class ({@code @BeforeAll}/{@code @AfterAll}).
 */
public final class TestApp implements AutoCloseable {
    public static final String PASSWORD = "test-password-123";
    public final OpenIru app;
    public final WebServer web;
    public final Unit unit;
    /** The application's clock: real time, moved forward by {@link TestClock#advance}. */
    public final TestClock clock;

    private TestApp(OpenIru app, WebServer web, Unit unit, TestClock clock) {
        this.app = app;
        this.clock = clock;
        this.web = web;
        this.unit = unit;
    }

    public static TestApp start() {
        return start(config());
    }

    public static TestApp start(OpenIruConfig config) {
        TestClock clock = new TestClock();
        OpenIru app = OpenIru.open(config, TestPostgres.freshDatabase(), clock);
        WebServer web = app.startWeb();
        Unit unit = app.units.create(Actor.system("test"), new Units.Input("test-unit", "Test unit", "NL", ""));
        return new TestApp(app, web, unit, clock);
    }

    /** Port 0 (any free port), a cheap Argon2 setting so that tests log in quickly, a temporary data dir. */
    public static OpenIruConfig config() {
        return OpenIruConfig.from(Map.of("OPENIRU_PORT", "0", "OPENIRU_HOST", "127.0.0.1",
                "OPENIRU_ARGON2_MEMORY_KIB", "1024", "OPENIRU_WORKER_THREADS", "2",
                "OPENIRU_DATA_DIR", Path.of(System.getProperty("java.io.tmpdir"), "openiru-test-data").toString()),
                new Properties());
    }

    public String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    public User user(String username, Role... roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(java.util.List.of(roles));
        return app.users.create(Actor.system("test"), new Users.NewUser(unit.id(), username, username,
                "", set, null, "en", PASSWORD));
    }

    public User platformUser(String username, long platformId) {
        return app.users.create(Actor.system("test"), new Users.NewUser(unit.id(), username, username, "",
                EnumSet.of(Role.PLATFORM), platformId, "en", PASSWORD));
    }

    public long platform(String slug, String name) {
        return app.platforms.create(Actor.system("test"), new PlatformInput(slug, name, "messaging",
                java.util.List.of(slug + ".example"), "", "", "", java.util.List.of("en"), "", "")).id();
    }

    /** The Telegram platform (t.me, telegram.me), which the Telegram connectors map their addresses to. */
    public static long telegramPlatform(OpenIru app) {
        return app.platforms.create(Actor.system("test"), new PlatformInput("telegram", "Telegram", "messaging",
                java.util.List.of("t.me", "telegram.me"), "", "", "", java.util.List.of("en", "ar"), "", "")).id();
    }

    public String token(User u) {
        return app.tokens.create(Actor.system("test"), u.id(), "test", null).token();
    }

    /** An HTTP client that keeps cookies and does not follow redirects (tests look at them). */
    public static HttpClient browserlessClient() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(HttpClient client, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpClient client, String method, String path, String body, String contentType,
                                     String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the real form (login cookie, CSRF field) and returns the session's CSRF token. */
    public String login(HttpClient client, String username) throws Exception {
        HttpResponse<String> form = get(client, "/login");
        String formToken = Html.formInputValue(form.body(), "/login", "_csrf");
        HttpResponse<String> r = send(client, "POST", "/login", Html.form("_csrf", formToken, "username", username,
                "password", PASSWORD, "next", "/"), "application/x-www-form-urlencoded");
        if (r.statusCode() != 302) {
            throw new IllegalStateException("Login of " + username + " failed: " + r.statusCode());
        }
        return Html.inputValue(get(client, "/account").body(), "_csrf");
    }

    @Override
    public void close() {
        app.close();
    }
}
