package org.openiru.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;
import org.openiru.web.ApiException;

/**
 * Synchroniser-token protection against cross-site request forgery. A state-changing request that rides
 * on the session cookie must carry the session's token, in the form field {@code _csrf} or the header
 * {@code X-CSRF-Token} (which htmx sends from the page). Bearer-token requests carry no ambient
 * credential, so they need none.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private Csrf() {
    }

    public static void check(Context ctx, Principal p) {
        if (SAFE.contains(ctx.method()) || !p.viaSession()) {
            return;
        }
        String sent = ctx.header(HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(FIELD);
        }
        if (!Secrets.same(sent, p.session().csrfToken())) {
            throw new ApiException(403, "csrf", "Missing or wrong CSRF token: reload the page and try again", FIELD);
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
    }
}
