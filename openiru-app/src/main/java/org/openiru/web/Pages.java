package org.openiru.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Principal;

/** Renders the precompiled JTE templates in the caller's language. */
public final class Pages {
    public static final String LANGUAGE_COOKIE = "openiru_lang";
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Map<String, Messages> messages;
    private final Authenticator auth;

    public Pages(Map<String, Messages> messages, Authenticator auth) {
        this.messages = messages;
        this.auth = auth;
    }

    /** Renders {@code template} (e.g. {@code "platform/list.jte"}) with {@code p} and the given parameters. */
    public void render(Context ctx, String template, Map<String, Object> params) {
        ctx.html(renderToString(ctx, template, params));
    }

    public String renderToString(Context ctx, String template, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("p", context(ctx));
        StringOutput out = new StringOutput();
        engine.render(template, all, out);
        return out.toString();
    }

    public PageContext context(Context ctx) {
        Principal p = auth.principal(ctx).orElse(null);
        return new PageContext(messagesFor(ctx, p), p, ctx.path(), RequestIds.of(ctx));
    }

    public Messages messages(String lang) {
        return messages.getOrDefault(lang, messages.get("en"));
    }

    private Messages messagesFor(Context ctx, Principal p) {
        if (p != null) {
            return messages(p.user().language());
        }
        String cookie = ctx.cookie(LANGUAGE_COOKIE);
        if (cookie != null && messages.containsKey(cookie)) {
            return messages.get(cookie);
        }
        String accept = ctx.header("Accept-Language");
        if (accept != null && accept.toLowerCase(Locale.ROOT).startsWith("ar")) {
            return messages.get("ar");
        }
        return messages.get("en");
    }
}
