package org.openiru.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user may do. A platform user is bound to one platform and has no other role. */
public enum Role implements RouteRole {
    ADMIN, SUPERVISOR, ANALYST, TRIAGE, AUDITOR, PLATFORM;

    /** Everyone who works for a unit, as opposed to platform staff. */
    public static final Role[] UNIT_STAFF = {ADMIN, SUPERVISOR, ANALYST, TRIAGE, AUDITOR};

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String s) {
        return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(s == null ? "" : s.strip())).findFirst();
    }

    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(Role::id).toList());
    }
}
