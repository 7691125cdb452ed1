package org.openiru.ingest.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openiru.app.Json;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.evidence.BlobStore;
import org.openiru.ingest.ImportError;
import org.openiru.ingest.Ingest;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.Source;
import org.openiru.platform.Platforms;
import org.openiru.web.ApiException;
import org.openiru.web.RequestIds;
import org.openiru.web.Routes;

/**
 * {@code POST /api/v1/items}: other tools and units send a batch of items (the JSONL schema, as a JSON array).
 * Each call is one source (audited once); the answer has the counts and, for each refused item, its index and
 * why. Sending the same batch again reports duplicates and changes nothing.
 */
public final class ItemsApi {
    /** Items per call; larger collections are sent in several calls (or imported as a JSONL file). */
    public static final int MAX_ITEMS = 10_000;

    private final Ingest ingest;
    private final BlobStore blobs;
    private final Platforms platforms;
    private final Authenticator auth;

    public ItemsApi(Ingest ingest, BlobStore blobs, Platforms platforms, Authenticator auth) {
        this.ingest = ingest;
        this.blobs = blobs;
        this.platforms = platforms;
        this.auth = auth;
    }

    public void register(Routes r) {
        r.tag("ingest").post("/api/v1/items", "Add a batch of items (docs/ingest.md)", this::post, Role.ADMIN,
                Role.SUPERVISOR, Role.ANALYST, Role.TRIAGE);
    }

    private void post(Context ctx) {
        JsonNode items;
        try {
            items = Json.MAPPER.readTree(ctx.bodyInputStream());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("items", "the body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("items", "the body could not be read: " + e.getMessage());
        }
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw ApiException.badRequest("items", "the body must be a JSON array of 1 to " + MAX_ITEMS + " items");
        }
        ItemJson schema = new ItemJson(platforms.list(), sha -> blobs.find(sha).isPresent());
        org.openiru.audit.Actor who = auth.require(ctx).actor(RequestIds.of(ctx));
        List<Map<String, Object>> refused = new ArrayList<>();
        Source s;
        try (IngestRun run = ingest.begin(who, "api", "API: " + who.name(), ctx.ip())) {
            for (int i = 0; i < items.size(); i++) {
                try {
                    run.add(schema.parse(items.get(i)));
                } catch (ItemJson.Invalid e) {
                    run.failed(new ImportError("request", "item " + i, e.getMessage()));
                    refused.add(Map.of("index", i, "message", e.getMessage()));
                }
            }
            s = run.finish(null);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("source", s.id());
        answer.put("status", s.status());
        answer.put("new", s.newCount());
        answer.put("updated", s.updatedCount());
        answer.put("duplicate", s.duplicateCount());
        answer.put("failed", s.failedCount());
        answer.put("errors", refused);
        ctx.json(answer);
    }
}
