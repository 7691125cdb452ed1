package org.openiru.signals;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openiru.app.Json;
import org.openiru.audit.Actor;
import org.openiru.auth.Authenticator;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.banks.SignalType;
import org.openiru.web.ApiException;
import org.openiru.web.Params;
import org.openiru.web.RequestIds;
import org.openiru.web.Routes;

/**
 * Routes with the paths, parameters and JSON shapes of Meta's Hasher-Matcher-Actioner (its {@code api.md} and
 * the {@code hashing}, {@code matching} and {@code curation} blueprints), so that tools built for HMA can use
 * OpenIRU. Differences are listed in {@code docs/hma-compatibility.md}.
 */
final class HmaRoutes {
    /** HMA's content type for images; the multipart field name of an upload. */
    private static final String PHOTO = "photo";
    /** python-threatexchange's PDQ match threshold, used by HMA's compare. */
    private static final int PDQ_COMPARE_THRESHOLD = 31;
    private static final List<SignalType> TYPES = List.of(SignalType.PDQ, SignalType.MD5, SignalType.SHA256,
            SignalType.VIDEO_MD5);
    private final Signals s;
    private final Authenticator auth;

    HmaRoutes(Signals signals, Authenticator auth) {
        this.s = signals;
        this.auth = auth;
    }

    /** HMA's bank as its API shows it; OpenIRU banks are on or off, so the ratio is 1.0 or 0.0. */
    record BankConfig(String name, double matching_enabled_ratio) {
        static BankConfig of(Bank b) {
            return new BankConfig(b.name(), b.enabled() ? 1.0 : 0.0);
        }
    }

    record ContentMatch(long bank_content_id, String distance) {
    }

    void register(Routes r) {
        org.openiru.auth.Role[] read = SignalApiRoutes.READ;
        r.tag("hma")
                .get("/h/hash", "HMA: hash content at a URL (not offered: needs the SSRF guard)", hma(this::noUrl), read)
                .post("/h/hash", "HMA: hash an uploaded photo (multipart field photo)",
                        hma(ctx -> ctx.json(hashUpload(ctx))), read)
                .get("/m/lookup", "HMA: banks matching signal_type + signal", hma(this::lookupGet), read)
                .post("/m/lookup", "HMA: banks matching an uploaded photo", hma(this::lookupPost), read)
                .get("/m/raw_lookup", "HMA: index entries matching a signal, enabled or not", hma(this::rawLookup), read)
                .post("/m/compare", "HMA: distance between pairs of hashes", hma(this::compare), read)
                .get("/m/index/status", "HMA: size and freshness of the match indexes", hma(this::indexStatus), read)
                .get("/c/banks", "HMA: list banks", hma(ctx -> ctx.json(s.banks.list().stream().map(BankConfig::of)
                        .toList())), read)
                .post("/c/banks", "HMA: create a bank", hma(this::createBank), SignalApiRoutes.CHANGE)
                .get("/c/bank/{name}", "HMA: one bank", hma(ctx -> ctx.json(BankConfig.of(bank(ctx)))), read)
                .put("/c/bank/{name}", "HMA: change a bank (name, enabled, enabled_ratio)", hma(this::updateBank),
                        SignalApiRoutes.CHANGE)
                .delete("/c/bank/{name}", "HMA: delete a bank", hma(this::deleteBank), SignalApiRoutes.CHANGE)
                .post("/c/bank/{name}/content", "HMA: add an uploaded photo to a bank", hma(this::addContent),
                        SignalApiRoutes.CHANGE)
                .post("/c/bank/{name}/signal", "HMA: add signals ({signal_type: value}) to a bank",
                        hma(this::addSignals), SignalApiRoutes.CHANGE);
    }

    /** HMA answers errors as {@code {"message": …}}; we send that next to OpenIRU's own error object. */
    private static Handler hma(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (ApiException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", e.code());
                error.put("message", e.getMessage());
                error.put("field", e.field());
                ctx.status(e.status()).json(Map.of("message", e.getMessage(), "error", error));
            }
        };
    }

    private void noUrl(Context ctx) {
        throw ApiException.badRequest("url", "Fetching content by URL is not offered yet (it needs the guard "
                + "against server-side request forgery); upload the file with POST instead");
    }

    private Map<String, String> hashUpload(Context ctx) {
        Uploads.Upload u = Uploads.find(ctx, PHOTO, "video");
        if (u == null) {
            throw ApiException.badRequest(PHOTO, "Missing multipart/form-data file upload (field photo)");
        }
        if (!PHOTO.equals(u.field())) {
            throw ApiException.badRequest(u.field(), "content_type video is not supported yet; only photo");
        }
        return Map.of(SignalType.PDQ.wireName(), Uploads.hash(s.hasher, u).pdq());
    }

    private void lookupGet(Context ctx) {
        if (Params.query(ctx, "url") != null) {
            noUrl(ctx);
        }
        SignalType type = signalType(required(ctx, "signal_type"));
        ctx.json(lookup(type, signal(type, required(ctx, "signal")), banksParam(ctx)));
    }

    private void lookupPost(Context ctx) {
        String pdq = hashUpload(ctx).get(SignalType.PDQ.wireName());
        ctx.json(Map.of(SignalType.PDQ.wireName(), lookup(SignalType.PDQ, pdq, banksParam(ctx))));
    }

    /** Bank name to its matching contents, as HMA's lookup answers; cancelled matches are left out. */
    private Map<String, List<ContentMatch>> lookup(SignalType type, String value, Set<String> banks) {
        Map<String, List<ContentMatch>> out = new TreeMap<>();
        for (BankMatch m : s.matcher.match(Map.of(type, value), banks)) {
            if (!m.cancelled()) {
                out.computeIfAbsent(m.bank(), k -> new java.util.ArrayList<>())
                        .add(new ContentMatch(m.contentId(), Integer.toString(m.distance())));
            }
        }
        return out;
    }

    private void rawLookup(Context ctx) {
        SignalType type = signalType(required(ctx, "signal_type"));
        String value = signal(type, required(ctx, "signal"));
        Set<String> banks = banksParam(ctx);
        boolean withDistance = bool(ctx, "include_distance");
        List<SignalIndex.Hit> hits = s.index.query(type, value).stream()
                .filter(h -> banks == null || banks.contains(h.bank().name())).toList();
        ctx.json(Map.of("matches", withDistance
                ? hits.stream().map(h -> new ContentMatch(h.entry().contentId(), Integer.toString(h.distance()))).toList()
                : hits.stream().map(h -> h.entry().contentId()).toList()));
    }

    private void compare(Context ctx) {
        JsonNode body = body(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> pair : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
            SignalType type = signalType(pair.getKey());
            JsonNode hashes = pair.getValue();
            if (!hashes.isArray() || hashes.size() != 2) {
                throw ApiException.badRequest(pair.getKey(), "Comparison hash list length must be exactly 2");
            }
            String left = signal(type, hashes.get(0).asText());
            String right = signal(type, hashes.get(1).asText());
            int distance = type == SignalType.PDQ ? Hash256.fromHex(left).distance(Hash256.fromHex(right))
                    : left.equals(right) ? 0 : 1;
            boolean match = type == SignalType.PDQ ? distance <= PDQ_COMPARE_THRESHOLD : distance == 0;
            out.put(pair.getKey(), List.of(match, Map.of("distance", distance)));
        }
        ctx.json(out);
    }

    private void indexStatus(Context ctx) {
        String only = Params.query(ctx, "signal_type");
        SignalType limit = only == null ? null : signalType(only);
        Map<String, Object> out = new TreeMap<>();
        s.index.status().forEach((type, st) -> {
            if (limit == null || limit == type) {
                out.put(type.wireName(), Map.of("present", true, "built_to", st.builtAt().getEpochSecond(),
                        "size", st.size()));
            }
        });
        ctx.json(out);
    }

    private void createBank(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.hasNonNull("name")) {
            throw ApiException.badRequest("name", "name is required");
        }
        BankInput in = new BankInput(body.get("name").asText(), null, null, null, enabled(body), null, null);
        ctx.status(201).json(BankConfig.of(hmaConflict(() -> s.banks.create(actor(ctx), in))));
    }

    private void updateBank(Context ctx) {
        JsonNode body = body(ctx);
        Bank b = bank(ctx);
        BankInput in = new BankInput(body.hasNonNull("name") ? body.get("name").asText() : null, null, null, null,
                enabled(body), null, null);
        ctx.json(BankConfig.of(hmaConflict(() -> s.banks.update(actor(ctx), b.id(), in))));
    }

    /** HMA answers 403 when a bank name is taken. */
    private static Bank hmaConflict(java.util.function.Supplier<Bank> change) {
        try {
            return change.get();
        } catch (ApiException e) {
            if (e.status() == 409) {
                throw new ApiException(403, "conflict", "Bank already exists", "name");
            }
            throw e;
        }
    }

    /** HMA's enabled_ratio (0.0..1.0) or enabled; any ratio above 0 enables an OpenIRU bank. */
    private static Boolean enabled(JsonNode body) {
        if (body.hasNonNull("enabled_ratio")) {
            return body.get("enabled_ratio").asDouble() > 0;
        }
        return body.hasNonNull("enabled") ? body.get("enabled").asBoolean() : null;
    }

    private void deleteBank(Context ctx) {
        // Like HMA, deleting a bank that is not there is not an error.
        s.banks.findByName(ctx.pathParam("name")).ifPresent(b -> s.banks.delete(actor(ctx), b.id()));
        ctx.json(Map.of("message", "Done"));
    }

    private void addContent(Context ctx) {
        Bank b = bank(ctx);
        if (Params.query(ctx, "url") != null) {
            noUrl(ctx);
        }
        addSignals(ctx, b, hashUpload(ctx));
    }

    private void addSignals(Context ctx) {
        Bank b = bank(ctx);
        Map<String, String> signals = new LinkedHashMap<>();
        body(ctx).fields().forEachRemaining(f -> signals.put(f.getKey(), f.getValue().asText()));
        if (signals.isEmpty()) {
            throw ApiException.badRequest("signal_type", "No signals given");
        }
        addSignals(ctx, b, signals);
    }

    /** Adds the signals as one bank content; a signal the bank already holds answers its existing content. */
    private void addSignals(Context ctx, Bank bank, Map<String, String> signals) {
        long content = s.banks.nextContentId();
        List<NewEntry> entries = signals.entrySet().stream().map(e -> {
            SignalType type = signalType(e.getKey());
            return NewEntry.of(type, signal(type, e.getValue())).inContent(content);
        }).toList();
        Banks.Added added = s.banks.addEntries(actor(ctx), bank.id(), entries, "hma");
        s.retroHunts.start(bank.id(), added.added());
        long id = added.added().isEmpty()
                ? s.banks.contentIdOf(bank.id(), entries.get(0).type(), entries.get(0).value()).orElse(content)
                : content;
        ctx.json(Map.of("id", id, "signals", entries.stream()
                .collect(Collectors.toMap(e -> e.type().wireName(), NewEntry::value, (a, c) -> a, TreeMap::new))));
    }

    private Bank bank(Context ctx) {
        String name = ctx.pathParam("name");
        return s.banks.findByName(name).orElseThrow(() -> new ApiException(404, "not_found",
                "bank '" + name + "' not found", "name"));
    }

    private static SignalType signalType(String name) {
        return TYPES.stream().filter(t -> t.wireName().equals(name)).findFirst().orElseThrow(() ->
                ApiException.badRequest("signal_type", "No such SignalType '" + name + "'"));
    }

    private static String signal(SignalType type, String value) {
        try {
            return type.normalise(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("signal", "invalid signal: " + e.getMessage());
        }
    }

    private static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) {
            throw ApiException.badRequest(name, name + " is required");
        }
        return v;
    }

    private static Set<String> banksParam(Context ctx) {
        String banks = Params.query(ctx, "banks");
        return banks == null ? null : Set.copyOf(Arrays.asList(banks.split(",")));
    }

    private static boolean bool(Context ctx, String name) {
        String v = Params.query(ctx, name);
        if (v == null || v.equalsIgnoreCase("false") || v.equals("0")) {
            return false;
        }
        if (v.equalsIgnoreCase("true") || v.equals("1")) {
            return true;
        }
        throw ApiException.badRequest(name, "invalid boolean parameter - prefer true/false");
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw ApiException.badRequest(null, "Request input was not a dict");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest(null, "Request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private Actor actor(Context ctx) {
        return auth.require(ctx).actor(RequestIds.of(ctx));
    }
}
