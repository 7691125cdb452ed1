package org.openiru.web;

import io.javalin.http.Context;
import org.openiru.auth.Secrets;

/** Each request gets an id, echoed in {@code X-Request-Id}, written to the audit log and shown on errors. */
public final class RequestIds {
    private static final String ATTRIBUTE = "openiru.requestId";

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String id = Secrets.random(9);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header("X-Request-Id", id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "" : id;
    }
}
