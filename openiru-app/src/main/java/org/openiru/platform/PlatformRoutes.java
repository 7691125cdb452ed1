package org.openiru.platform;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/** Pages and API for the platforms: everyone in a unit may read them, administrators change them. */
public final class PlatformRoutes {
    private final Platforms platforms;
    private final Pages pages;
    private final Authenticator auth;
    private final WebhookSecrets secrets;

    public PlatformRoutes(Platforms platforms, WebhookSecrets secrets, Pages pages, Authenticator auth) {
        this.platforms = platforms;
        this.secrets = secrets;
        this.pages = pages;
        this.auth = auth;
    }

    public void register(Routes r) {
        r.tag("platforms")
                .get("/platforms", "List platforms", this::listPage, Role.UNIT_STAFF)
                .get("/platforms/new", "Form for a new platform", ctx -> form(ctx, null, blank(), null), Role.ADMIN)
                .post("/platforms", "Create a platform from the form", this::createFromForm, Role.ADMIN)
                .get("/platforms/{id}/edit", "Form to change a platform", ctx -> {
                    Platform p = platforms.get(Params.id(ctx));
                    form(ctx, p.id(), toInput(p), null);
                }, Role.ADMIN)
                .post("/platforms/{id}", "Change a platform from the form", this::updateFromForm, Role.ADMIN)
                .post("/platforms/{id}/webhook-secret", "Make a new webhook secret and show it once", ctx -> {
                    Platform p = platforms.get(Params.id(ctx));
                    showSecret(ctx, p, secrets.rotate(auth.actor(ctx), p.id()));
                }, Role.ADMIN)
                .get("/api/v1/platforms", "List platforms", ctx -> ctx.json(platforms.list()), Role.UNIT_STAFF)
                .get("/api/v1/platforms/{id}", "One platform", ctx -> ctx.json(platforms.get(Params.id(ctx))),
                        Role.UNIT_STAFF)
                .post("/api/v1/platforms", "Create a platform (with a webhook URL: its new secret, once)", ctx -> {
                    Platform p = platforms.create(auth.actor(ctx), ctx.bodyAsClass(PlatformInput.class));
                    ctx.status(201).json(savedByApi(ctx, p));
                }, Role.ADMIN)
                .put("/api/v1/platforms/{id}", "Change a platform (a first webhook URL: its new secret, once)", ctx -> {
                    Platform p = platforms.update(auth.actor(ctx), Params.id(ctx), ctx.bodyAsClass(PlatformInput.class));
                    ctx.json(savedByApi(ctx, p));
                }, Role.ADMIN)
                .post("/api/v1/platforms/{id}/webhook-secret", "Make a new webhook secret (the old one stops working)",
                        ctx -> {
                            long id = platforms.get(Params.id(ctx)).id();
                            ctx.json(Map.of("secret", secrets.rotate(auth.actor(ctx), id)));
                        }, Role.ADMIN);
    }

    private void listPage(Context ctx) {
        pages.render(ctx, "platform/list.jte", Map.of("platforms", platforms.list()));
    }

    private void createFromForm(Context ctx) {
        PlatformInput in = fromForm(ctx);
        try {
            Platform p = platforms.create(auth.actor(ctx), in);
            savedFromForm(ctx, p);
        } catch (ApiException e) {
            ctx.status(e.status());
            form(ctx, null, in, e);
        }
    }

    private void updateFromForm(Context ctx) {
        long id = Params.id(ctx);
        PlatformInput in = fromForm(ctx);
        try {
            savedFromForm(ctx, platforms.update(auth.actor(ctx), id, in));
        } catch (ApiException e) {
            ctx.status(e.status());
            form(ctx, id, in, e);
        }
    }

    /** A webhook needs a secret to be signed with: the first time a URL is set, one is made and shown. */
    private void savedFromForm(Context ctx, Platform p) {
        String secret = newSecretIfNeeded(ctx, p);
        if (secret != null) {
            showSecret(ctx, p, secret);
        } else {
            ctx.redirect("/platforms?saved=" + p.id());
        }
    }

    /** The API's answer to a save: the platform, and the secret of a first webhook URL, given this once. */
    private Object savedByApi(Context ctx, Platform p) {
        String secret = newSecretIfNeeded(ctx, p);
        if (secret == null) {
            return p;
        }
        ctx.header("Cache-Control", "no-store");
        return new SavedWithSecret(p, secret);
    }

    private String newSecretIfNeeded(Context ctx, Platform p) {
        return !p.webhookUrl().isEmpty() && !secrets.has(p.id()) ? secrets.rotate(auth.actor(ctx), p.id()) : null;
    }

    /** A platform as JSON with one more field, {@code webhookSecret}. */
    record SavedWithSecret(@JsonUnwrapped Platform platform, String webhookSecret) {
    }

    private void showSecret(Context ctx, Platform p, String secret) {
        ctx.header("Cache-Control", "no-store");
        pages.render(ctx, "platform/secret.jte", Map.of("platform", p, "secret", secret));
    }

    private void form(Context ctx, Long id, PlatformInput values, ApiException error) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("hasSecret", id != null && secrets.has(id));
        m.put("values", values);
        m.put("error", error);
        pages.render(ctx, "platform/form.jte", m);
    }


    private static PlatformInput fromForm(Context ctx) {
        return new PlatformInput(ctx.formParam("slug"), ctx.formParam("name"), ctx.formParam("kind"),
                PlatformInput.split(ctx.formParam("domains")), ctx.formParam("referralEmail"),
                ctx.formParam("webhookUrl"), ctx.formParam("tcoContact"),
                PlatformInput.split(ctx.formParam("acceptedLanguages")), ctx.formParam("legalRepresentative"),
                ctx.formParam("mainEstablishment"));
    }

    private static PlatformInput blank() {
        return new PlatformInput("", "", "social_network", List.of(), "", "", "", List.of("en"), "", "");
    }

    private static PlatformInput toInput(Platform p) {
        return new PlatformInput(p.slug(), p.name(), p.kind(), p.domains(), p.referralEmail(), p.webhookUrl(),
                p.tcoContact(), p.acceptedLanguages(), p.legalRepresentative(), p.mainEstablishment());
    }
}
