package org.openiru.auth;

import org.openiru.audit.Actor;

/**
 * The authenticated caller of one request: a user, and the browser session when the request came with the
 * session cookie (then state changes need the session's CSRF token) rather than an API token.
 */
public record Principal(User user, Session session) {
    public boolean viaSession() {
        return session != null;
    }

    public Actor actor(String requestId) {
        return new Actor(user.id(), user.username(), user.unitId(), requestId);
    }
}
