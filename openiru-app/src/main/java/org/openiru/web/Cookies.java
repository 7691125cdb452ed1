package org.openiru.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** Cookies are HttpOnly and SameSite=Lax always, and Secure when the request came over TLS. */
public final class Cookies {
    private Cookies() {
    }

    public static void set(Context ctx, String name, String value, int maxAgeSeconds) {
        Cookie c = new Cookie(name, value, "/", maxAgeSeconds, secure(ctx), true, null, SameSite.LAX);
        ctx.cookie(c);
    }

    public static void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }

    /** Direct TLS, or a reverse proxy that says it terminated TLS. */
    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
