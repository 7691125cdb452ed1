package org.openiru.auth;

import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.unit.Unit;
import org.openiru.unit.Units;
import org.openiru.web.Access;
import org.openiru.web.Pages;
import org.openiru.web.RequestIds;
import org.openiru.web.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Login through an OpenID Connect provider: the start and the callback. */
public final class OidcRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OidcRoutes.class);
    private static final String CALLBACK = "/login/oidc/callback";

    private final OidcLogin login;
    private final Optional<URI> publicUrl;
    private final Users users;
    private final Units units;
    private final AuthRoutes authRoutes;
    private final AuditLog audit;
    private final Pages pages;

    public OidcRoutes(OpenIruConfig.Oidc oidc, Optional<URI> publicUrl, Jdbi jdbi, Users users, Units units,
                      AuthRoutes authRoutes, AuditLog audit, Pages pages) {
        this.login = new OidcLogin(oidc, new OidcProvider(oidc.issuer(), oidc.clientId()), new OidcRequests(jdbi));
        this.publicUrl = publicUrl;
        this.users = users;
        this.units = units;
        this.authRoutes = authRoutes;
        this.audit = audit;
        this.pages = pages;
    }

    public void register(Routes r) {
        r.tag("auth")
                .get("/login/oidc", "Start single sign-on", this::start, Access.PUBLIC)
                .get(CALLBACK, "Return from single sign-on", this::callback, Access.PUBLIC);
    }

    private void start(Context ctx) {
        try {
            ctx.redirect(login.start(redirectUri(ctx), AuthRoutes.safeNext(ctx.queryParam("next"))).toString());
        } catch (OidcLogin.Failure f) {
            fail(ctx, f);
        }
    }

    private void callback(Context ctx) {
        try {
            String error = ctx.queryParam("error");
            if (error != null) {
                String description = Optional.ofNullable(ctx.queryParam("error_description")).orElse(error);
                throw new OidcLogin.Failure(400, "provider answered " + error, "login.sso_failed", description);
            }
            OidcLogin.Finished done = login.finish(ctx.queryParam("state"), ctx.queryParam("code"), redirectUri(ctx));
            User user = admit(ctx, done.identity());
            authRoutes.startSession(ctx, user, "oidc");
            ctx.redirect(AuthRoutes.safeNext(done.returnTo()));
        } catch (OidcLogin.Failure f) {
            fail(ctx, f);
        }
    }

    /** Creates or updates the user, unless the token gives them no business here. */
    private User admit(Context ctx, OidcIdentity id) throws OidcLogin.Failure {
        if (id.roles().contains(Role.PLATFORM)) {
            // A platform user must be bound to one platform, which only an administrator can decide.
            refuse(ctx, id, "platform role");
            throw new OidcLogin.Failure(403, "platform role via SSO", "login.sso_platform");
        }
        if (id.roles().isEmpty()) {
            refuse(ctx, id, "no OpenIRU role");
            throw new OidcLogin.Failure(403, "no known role in " + id.claimedRoles(), "login.sso_no_role");
        }
        Optional<Unit> unit = units.findBySlug(id.unitSlug());
        if (unit.isEmpty()) {
            refuse(ctx, id, "unknown unit");
            throw new OidcLogin.Failure(403, "unknown unit " + id.unitSlug(), "login.sso_unit", id.unitSlug());
        }
        return users.upsertOidc(actor(ctx, id), login.issuer(), id.subject(), id.username(), id.displayName(),
                id.email(), id.roles(), unit.get().id());
    }

    private void refuse(Context ctx, OidcIdentity id, String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        payload.put("issuer", login.issuer());
        payload.put("subject", id.subject());
        payload.put("claimed_roles", id.claimedRoles());
        payload.put("unit", id.unitSlug());
        payload.put("ip", ctx.ip());
        audit.record(actor(ctx, id), "auth.sso_refused", "user", id.username(), payload);
    }

    private static Actor actor(Context ctx, OidcIdentity id) {
        String name = id.username().length() > 100 ? id.username().substring(0, 100) : id.username();
        return new Actor(null, "oidc:" + name, null, RequestIds.of(ctx));
    }

    private void fail(Context ctx, OidcLogin.Failure f) {
        LOG.info("Single sign-on failed ({}): {}", RequestIds.of(ctx), f.getMessage());
        ctx.status(f.status);
        pages.render(ctx, "error.jte", Map.of("status", f.status,
                "message", pages.context(ctx).messages().t(f.messageKey, f.args)));
    }

    /** Behind a proxy the request may not know our public address, hence OPENIRU_PUBLIC_URL first. */
    private URI redirectUri(Context ctx) {
        String base = publicUrl.map(URI::toString).orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        return URI.create(base.replaceAll("/+$", "") + CALLBACK);
    }
}
