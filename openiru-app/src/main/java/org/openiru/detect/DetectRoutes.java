package org.openiru.detect;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openiru.app.Json;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.text.lexicon.Outlet;
import org.openiru.text.score.TextScorer;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/**
 * The scoring API, and the reference-data page where supervisors edit entities, outlets, term lists and
 * known sites (each change a new version, audited).
 */
public final class DetectRoutes {
    /** Texts per call; more go in several calls or through {@code openiru score}. */
    public static final int MAX_BATCH = 1000;
    private static final Role[] EDITORS = {Role.ADMIN, Role.SUPERVISOR};

    private final Detect detect;
    private final ScoreRequests requests;
    private final Pages pages;
    private final Authenticator auth;

    public DetectRoutes(Detect detect, Pages pages, Authenticator auth) {
        this.detect = detect;
        this.requests = new ScoreRequests(Map.of("en", pages.messages("en"), "ar", pages.messages("ar")));
        this.pages = pages;
        this.auth = auth;
    }

    public void register(Routes r) {
        r.tag("detect")
                .post("/api/v1/score", "Score a batch of texts [{id, text, lang?}] (docs/detection.md)", this::score,
                        Role.UNIT_STAFF)
                .get("/api/v1/detect/reference", "The current detection reference data",
                        ctx -> ctx.json(detect.reference.current()), Role.UNIT_STAFF)
                .get("/detect/reference", "Detection reference data: entities, outlets, term lists, known sites",
                        ctx -> page(ctx, null), Role.UNIT_STAFF)
                .post("/detect/reference/terms", "Add a term to a list", ctx -> edit(ctx, () -> detect.reference
                        .addTerm(auth.actor(ctx), ctx.formParam("class"), ctx.formParam("term"))), EDITORS)
                .post("/detect/reference/terms/remove", "Remove a term from a list", ctx -> edit(ctx, () -> detect
                        .reference.removeTerm(auth.actor(ctx), ctx.formParam("class"), ctx.formParam("term"))), EDITORS)
                .post("/detect/reference/entities", "Add or change an entity with its names and outlets",
                        ctx -> edit(ctx, () -> detect.reference.saveEntity(auth.actor(ctx), entity(ctx))), EDITORS)
                .post("/detect/reference/entities/remove", "Remove an entity", ctx -> edit(ctx, () -> detect.reference
                        .removeEntity(auth.actor(ctx), ctx.formParam("id"))), EDITORS)
                .post("/detect/reference/hosts", "Add or change a known site of an entity", ctx -> edit(ctx, () -> detect
                        .reference.saveHost(auth.actor(ctx), ctx.formParam("host"), ctx.formParam("entity"),
                                ctx.formParam("note"))), EDITORS)
                .post("/detect/reference/hosts/remove", "Remove a known site", ctx -> edit(ctx, () -> detect.reference
                        .removeHost(auth.actor(ctx), ctx.formParam("host"))), EDITORS);
    }

    private void score(Context ctx) {
        ScoreRequests.Decoded body = ScoreRequests.decode(ctx.bodyAsBytes());
        JsonNode items;
        try {
            items = Json.MAPPER.readTree(body.text());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("items", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_BATCH) {
            throw ApiException.badRequest("items", "the body must be a JSON array of 1 to " + MAX_BATCH
                    + " objects {\"id\", \"text\", \"lang\"}");
        }
        List<ScoreRequests.Request> batch = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode t = items.get(i).get("text");
            boolean replaced = body.invalidUtf8() && t != null && t.asText().indexOf('\uFFFD') >= 0;
            batch.add(ScoreRequests.request(items.get(i), "item " + i, replaced));
        }
        TextScorer scorer = detect.detector.current().scorer();
        List<Map<String, Object>> results = new ArrayList<>(batch.size());
        batch.forEach(req -> results.add(requests.score(scorer, req)));
        ctx.json(Map.of("results", results));
    }

    private ReferenceStore.EntityInput entity(Context ctx) {
        List<Outlet> outlets = new ArrayList<>();
        for (String line : lines(ctx.formParam("outlets"))) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            List<String> aliases = colon < 0 ? List.of() : Arrays.stream(line.substring(colon + 1).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            outlets.add(new Outlet(name, aliases));
        }
        return new ReferenceStore.EntityInput(ctx.formParam("id"), ctx.formParam("name"), lines(ctx.formParam("names")),
                lines(ctx.formParam("exonyms")), outlets);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private interface Edit {
        String run();
    }

    private void edit(Context ctx, Edit edit) {
        try {
            String version = edit.run();
            ctx.redirect("/detect/reference?saved=" + java.net.URLEncoder.encode(version, StandardCharsets.UTF_8));
        } catch (ApiException e) {
            ctx.status(e.status());
            page(ctx, e);
        }
    }

    private void page(Context ctx, ApiException error) {
        Map<String, Object> m = new HashMap<>();
        m.put("version", detect.reference.current());
        m.put("classes", ReferenceStore.listClasses());
        m.put("history", detect.reference.history(20));
        m.put("models", detect.models.list());
        m.put("error", error);
        m.put("saved", ctx.queryParam("saved"));
        pages.render(ctx, "detect/reference.jte", m);
    }
}
