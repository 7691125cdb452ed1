package org.openiru.web;

import java.time.Instant;
import java.util.Arrays;
import org.openiru.auth.Principal;
import org.openiru.auth.Role;
import org.openiru.auth.User;

/** What every page template gets as {@code p}: the language, the user, the CSRF token, formatting. */
public final class PageContext {
    private final Messages messages;
    private final Principal principal;
    private final String path;
    private final String requestId;

    PageContext(Messages messages, Principal principal, String path, String requestId) {
        this.messages = messages;
        this.principal = principal;
        this.path = path;
        this.requestId = requestId;
    }

    public String t(String key, Object... args) {
        return messages.t(key, args);
    }

    public String lang() {
        return messages.lang();
    }

    public String dir() {
        return messages.rtl() ? "rtl" : "ltr";
    }

    public boolean loggedIn() {
        return principal != null;
    }

    public User user() {
        return principal == null ? null : principal.user();
    }

    /** True when the user has any of the roles. */
    public boolean can(Role... roles) {
        return principal != null && Arrays.stream(roles).anyMatch(principal.user()::has);
    }

    public String csrf() {
        return principal != null && principal.viaSession() ? principal.session().csrfToken() : "";
    }

    /** The {@code hx-headers} value that makes htmx send the CSRF token with every request. */
    public String csrfHeaders() {
        return "{\"X-CSRF-Token\":\"" + csrf() + "\"}";
    }

    public String path() {
        return path;
    }

    public boolean at(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    public String requestId() {
        return requestId;
    }

    public String num(long n) {
        return messages.number(n);
    }

    public String time(Instant at) {
        return messages.dateTime(at);
    }

    public Messages messages() {
        return messages;
    }
}
