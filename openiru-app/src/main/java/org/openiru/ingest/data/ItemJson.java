package org.openiru.ingest.data;

import static org.openiru.evidence.SafePaths.printable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.MediaRef;
import org.openiru.ingest.RawRecords;
import org.openiru.ingest.url.CanonicalUrl;
import org.openiru.ingest.url.Outlink;
import org.openiru.ingest.url.Outlinks;
import org.openiru.ingest.url.PlatformResolver;
import org.openiru.platform.Platform;

/**
 * The item schema shared by JSONL files, URL lists and {@code POST /api/v1/items} (docs/ingest.md, "Items as
 * data"). Strict: unknown fields and wrong types are refused with a message naming the field, because a typo
 * that silently drops a date or an actor would be worse than an error.
 */
final class ItemJson {
    private static final Set<String> FIELDS = Set.of("url", "platform", "actor", "posted_at", "text", "outlinks",
            "raw", "media");
    private static final Set<String> ACTOR_FIELDS = Set.of("id", "handle", "name", "kind");
    private static final Set<String> ACTOR_KINDS = Set.of("channel", "group", "user", "site", "unknown");
    private static final Set<String> MEDIA_FIELDS = Set.of("role", "name", "sha256");
    private static final Set<String> MEDIA_ROLES = Set.of("photo", "file", "thumbnail", "video");
    /** More is spam or an attack, not evidence; {@link Outlinks} keeps the same bound for extracted links. */
    static final int MAX_LIST = 1000;

    /** An item the schema refuses; the message names the field. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private final Map<String, Long> platformsBySlug = new LinkedHashMap<>();
    private final PlatformResolver resolver;
    private final Predicate<String> blobExists;

    /** {@code blobExists} says whether a SHA-256 names a stored blob (media may only point to stored files). */
    ItemJson(List<Platform> platforms, Predicate<String> blobExists) {
        platforms.forEach(p -> platformsBySlug.put(p.slug(), p.id()));
        this.resolver = new PlatformResolver(platforms);
        this.blobExists = blobExists;
    }

    IncomingItem parse(JsonNode node) throws Invalid {
        if (!(node instanceof ObjectNode o)) {
            throw new Invalid("an item must be a JSON object");
        }
        only(o, FIELDS, "");
        String url = CanonicalUrl.of(string(o, "url", true)).orElseThrow(() -> new Invalid(
                "url: not a web address: " + printable(o.path("url").asText())));
        Long platformId = platform(o, url);
        ActorRef actor = actor(o.get("actor"), platformId);
        // Checked now, so that a bad outlink refuses the item where it is read.
        List<Outlink> links = outlinks(o.get("outlinks"));
        return new IncomingItem(url, platformId, actor, null, actor, null, null, time(o), null,
                RawRecords.withoutNul(nullToEmpty(string(o, "text", false))), RawRecords.json(o.deepCopy()),
                () -> links, media(o.get("media")));
    }

    private Long platform(ObjectNode o, String url) throws Invalid {
        String slug = string(o, "platform", false);
        if (slug == null || slug.isEmpty()) {
            return resolver.forUrl(url).map(Platform::id).orElse(null);
        }
        Long id = platformsBySlug.get(slug);
        if (id == null) {
            throw new Invalid("platform: no platform with the short name " + printable(slug));
        }
        return id;
    }

    private static ActorRef actor(JsonNode a, Long platformId) throws Invalid {
        if (a == null || a.isNull()) {
            return null;
        }
        if (!(a instanceof ObjectNode o)) {
            throw new Invalid("actor: must be an object");
        }
        only(o, ACTOR_FIELDS, "actor.");
        String id = string(o, "id", true);
        String kind = string(o, "kind", false);
        if (kind != null && !ACTOR_KINDS.contains(kind)) {
            throw new Invalid("actor.kind: must be one of " + ACTOR_KINDS);
        }
        if (id.isEmpty()) {
            throw new Invalid("actor.id: must not be empty");
        }
        return new ActorRef(platformId, id, string(o, "handle", false), string(o, "name", false),
                kind == null ? "unknown" : kind);
    }

    private static Instant time(ObjectNode o) throws Invalid {
        String s = string(o, "posted_at", false);
        try {
            return s == null ? null : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid("posted_at: not an ISO-8601 time with offset (e.g. 2019-11-21T10:00:00Z): "
                    + printable(s));
        }
    }

    private static List<Outlink> outlinks(JsonNode links) throws Invalid {
        List<Outlink> found = new ArrayList<>();
        for (JsonNode link : list(links, "outlinks")) {
            if (!link.isTextual()) {
                throw new Invalid("outlinks: must be a list of strings");
            }
            List<Outlink> one = Outlinks.fromText(link.textValue());
            if (one.size() != 1) {
                throw new Invalid("outlinks: not one web address: " + printable(link.textValue()));
            }
            if (found.stream().noneMatch(f -> f.url().equals(one.get(0).url()))) {
                found.add(one.get(0));
            }
        }
        return found;
    }

    private List<MediaRef> media(JsonNode media) throws Invalid {
        List<MediaRef> refs = new ArrayList<>();
        for (JsonNode m : list(media, "media")) {
            if (!(m instanceof ObjectNode o)) {
                throw new Invalid("media: each entry must be an object");
            }
            only(o, MEDIA_FIELDS, "media.");
            String role = string(o, "role", true);
            if (!MEDIA_ROLES.contains(role)) {
                throw new Invalid("media.role: must be one of " + MEDIA_ROLES);
            }
            String sha256 = string(o, "sha256", false);
            if (sha256 != null && !(sha256.matches("[0-9a-f]{64}") && blobExists.test(sha256))) {
                throw new Invalid("media.sha256: " + printable(sha256) + " is not a blob in the evidence store "
                        + "(store the file first; or leave sha256 out to record the file as missing)");
            }
            refs.add(new MediaRef(role, RawRecords.withoutNul(nullToEmpty(string(o, "name", false))), sha256));
        }
        return refs;
    }

    private static Iterable<JsonNode> list(JsonNode node, String field) throws Invalid {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_LIST) {
            throw new Invalid(field + ": must be a list of at most " + MAX_LIST + " entries");
        }
        return node;
    }

    private static void only(ObjectNode o, Set<String> allowed, String prefix) throws Invalid {
        for (Map.Entry<String, JsonNode> field : o.properties()) {
            String name = field.getKey();
            if (!allowed.contains(name)) {
                throw new Invalid(prefix + printable(name) + ": unknown field (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String string(ObjectNode o, String field, boolean required) throws Invalid {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new Invalid(field + ": required");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new Invalid(field + ": must be a string");
        }
        return n.textValue();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
