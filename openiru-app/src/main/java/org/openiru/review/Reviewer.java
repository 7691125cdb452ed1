package org.openiru.review;

import org.openiru.audit.Actor;
import org.openiru.auth.User;

/** The person acting on the desk, and the request they act in (for the audit log). */
public record Reviewer(User user, String requestId) {
    public Actor actor() {
        return new Actor(user.id(), user.username(), user.unitId(), requestId);
    }

    public long id() {
        return user.id();
    }
}
