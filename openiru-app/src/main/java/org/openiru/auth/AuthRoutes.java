package org.openiru.auth;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.Access;
import org.openiru.web.ApiException;
import org.openiru.web.Cookies;
import org.openiru.web.Messages;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.RequestIds;
import org.openiru.web.Routes;

/** Log in and out, the language switch, and one's own account and API tokens. */
public final class AuthRoutes {
    /** The login form has no session yet, so it is protected by a double-submit cookie instead. */
    static final String LOGIN_COOKIE = "openiru_login";

    private final Users users;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final Authenticator auth;
    private final AuditLog audit;
    private final Pages pages;
    private final int sessionSeconds;
    private final String ssoLabel;

    public AuthRoutes(Users users, Sessions sessions, ApiTokens tokens, LoginThrottle throttle, Authenticator auth,
                      AuditLog audit, Pages pages, int sessionSeconds, String ssoLabel) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttle = throttle;
        this.auth = auth;
        this.audit = audit;
        this.pages = pages;
        this.sessionSeconds = sessionSeconds;
        this.ssoLabel = ssoLabel;
    }

    public void register(Routes r) {
        r.tag("auth")
                .get("/login", "Login form", ctx -> loginPage(ctx, null, 200), Access.PUBLIC)
                .post("/login", "Log in with user name and password", this::login, Access.PUBLIC)
                .post("/logout", "Log out", this::logout, Access.ANY_USER)
                .post("/language", "Switch the interface language", this::switchLanguage, Access.PUBLIC)
                .get("/account", "Own account and API tokens", ctx -> accountPage(ctx, null), Access.ANY_USER)
                .post("/account/tokens", "Create an API token for oneself", this::createTokenFromForm,
                        Access.ANY_USER)
                .post("/account/tokens/{id}/revoke", "Revoke one of one's API tokens", ctx -> {
                    Principal p = auth.require(ctx);
                    tokens.revoke(p.actor(RequestIds.of(ctx)), p.user().id(), Params.id(ctx));
                    ctx.redirect("/account");
                }, Access.ANY_USER)
                .get("/api/v1/me", "Who the caller is", ctx -> ctx.json(me(auth.require(ctx).user())),
                        Access.ANY_USER)
                .post("/api/v1/tokens", "Create an API token for the caller", ctx -> {
                    Principal p = auth.require(ctx);
                    TokenRequest req = ctx.bodyAsClass(TokenRequest.class);
                    Instant expires = req.days() == null ? null : Instant.now().plus(req.days(), ChronoUnit.DAYS);
                    ApiTokens.Created c = tokens.create(p.actor(RequestIds.of(ctx)), p.user().id(), req.name(),
                            expires);
                    ctx.status(201).json(Map.of("id", c.id(), "token", c.token()));
                }, Access.ANY_USER);
    }

    /** Body of {@code POST /api/v1/tokens}. */
    public record TokenRequest(String name, Integer days) {
    }

    private void loginPage(Context ctx, String error, int status) {
        String formToken = Secrets.random(18);
        Cookies.set(ctx, LOGIN_COOKIE, formToken, 3600);
        Map<String, Object> m = new HashMap<>();
        m.put("error", error);
        m.put("next", safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")));
        m.put("formToken", formToken);
        m.put("ssoLabel", ssoLabel);
        ctx.status(status);
        pages.render(ctx, "auth/login.jte", m);
    }

    private void login(Context ctx) {
        Messages t = pages.context(ctx).messages();
        if (!Secrets.same(ctx.formParam(Csrf.FIELD), ctx.cookie(LOGIN_COOKIE))) {
            loginPage(ctx, t.t("login.expired"), 403);
            return;
        }
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String ip = ctx.ip();
        if (throttle.blocked(username, ip)) {
            audit.record(anonymous(ctx, username), "auth.login_throttled", "user", username, Map.of("ip", ip));
            loginPage(ctx, t.t("login.throttled", throttle.windowMinutes()), 429);
            return;
        }
        Optional<User> user = username.isEmpty() ? Optional.empty() : users.checkPassword(username, password);
        if (user.isEmpty()) {
            throttle.failed(username, ip);
            audit.record(anonymous(ctx, username), "auth.login_failed", "user", username, Map.of("ip", ip));
            loginPage(ctx, t.t("login.failed"), 401);
            return;
        }
        throttle.succeeded(username);
        startSession(ctx, user.get(), "password");
        ctx.redirect(safeNext(ctx.formParam("next")));
    }

    /** Starts a browser session for a user who proved who they are (password or single sign-on). */
    public void startSession(Context ctx, User user, String method) {
        Sessions.Started s = sessions.start(user.id(), ctx.ip(), ctx.userAgent());
        Cookies.set(ctx, Sessions.COOKIE, s.secret(), sessionSeconds);
        Cookies.clear(ctx, LOGIN_COOKIE);
        Principal p = new Principal(user, s.session());
        auth.set(ctx, p);
        audit.record(p.actor(RequestIds.of(ctx)), "auth.login", "user", user.id(),
                Map.of("method", method, "ip", ctx.ip()));
    }

    private void logout(Context ctx) {
        Principal p = auth.require(ctx);
        if (p.viaSession()) {
            sessions.end(p.session());
        }
        Cookies.clear(ctx, Sessions.COOKIE);
        audit.record(p.actor(RequestIds.of(ctx)), "auth.logout", "user", p.user().id(), Map.of());
        auth.set(ctx, null);
        ctx.redirect("/login");
    }

    private void switchLanguage(Context ctx) {
        String lang = ctx.formParam("lang");
        if (!Messages.LANGUAGES.contains(lang)) {
            throw ApiException.badRequest("lang", "Language must be one of " + Messages.LANGUAGES);
        }
        Optional<Principal> p = auth.principal(ctx);
        if (p.isPresent()) {
            Csrf.check(ctx, p.get());
            users.setLanguage(p.get().actor(RequestIds.of(ctx)), p.get().user().id(), lang);
        }
        Cookies.set(ctx, Pages.LANGUAGE_COOKIE, lang, 365 * 24 * 3600);
        ctx.redirect(safeNext(ctx.formParam("next")));
    }

    private void accountPage(Context ctx, String newToken) {
        Principal p = auth.require(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("tokens", tokens.listFor(p.user().id()));
        m.put("newToken", newToken);
        pages.render(ctx, "auth/account.jte", m);
    }

    private void createTokenFromForm(Context ctx) {
        Principal p = auth.require(ctx);
        String days = ctx.formParam("days");
        Instant expires = days == null || days.isBlank() ? null
                : Instant.now().plus(Params.positiveInt("days", days, 3650), ChronoUnit.DAYS);
        ApiTokens.Created c = tokens.create(p.actor(RequestIds.of(ctx)), p.user().id(), ctx.formParam("name"),
                expires);
        accountPage(ctx, c.token());
    }

    private static Actor anonymous(Context ctx, String username) {
        return new Actor(null, "anonymous:" + (username.length() > 100 ? username.substring(0, 100) : username),
                null, RequestIds.of(ctx));
    }

    /** Only paths on this site, so the login form cannot be used to send people elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    static Map<String, Object> me(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("unitId", u.unitId());
        m.put("roles", Users.roleIds(u.roles()));
        m.put("platformId", u.platformId());
        m.put("language", u.language());
        return m;
    }
}
