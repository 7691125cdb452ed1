package org.openiru.auth;

import io.javalin.http.Context;
import java.util.Optional;
import org.openiru.web.ApiException;

/**
 * Finds who is calling: an API token in {@code Authorization: Bearer …}, or the session cookie. The answer
 * is looked up once per request.
 */
public final class Authenticator {
    private static final String ATTRIBUTE = "openiru.principal";
    private static final Optional<Principal> NOBODY = Optional.empty();

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final Users users;

    public Authenticator(Sessions sessions, ApiTokens tokens, Users users) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.users = users;
    }

    public Optional<Principal> principal(Context ctx) {
        Optional<Principal> cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        Optional<Principal> found = resolve(ctx);
        ctx.attribute(ATTRIBUTE, found);
        return found;
    }

    public Principal require(Context ctx) {
        return principal(ctx).orElseThrow(() -> new ApiException(401, "unauthenticated", "Log in first", null));
    }

    /** The logged-in caller as the actor of a state change, with the request id, for the audit log. */
    public org.openiru.audit.Actor actor(Context ctx) {
        return require(ctx).actor(org.openiru.web.RequestIds.of(ctx));
    }

    /** Forgets the cached caller, after login or logout changed it within the request. */
    public void set(Context ctx, Principal p) {
        ctx.attribute(ATTRIBUTE, Optional.ofNullable(p));
    }

    private Optional<Principal> resolve(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.userOf(auth.substring(7).strip()).flatMap(users::find).filter(User::active)
                    .map(u -> new Principal(u, null));
        }
        String cookie = ctx.cookie(Sessions.COOKIE);
        if (cookie == null) {
            return NOBODY;
        }
        return sessions.find(cookie).flatMap(s -> users.find(s.userId()).map(u -> new Principal(u, s)));
    }
}
