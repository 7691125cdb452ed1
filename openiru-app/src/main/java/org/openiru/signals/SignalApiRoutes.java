package org.openiru.signals;

import io.javalin.http.Context;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openiru.audit.Actor;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.hashing.banks.ParseMode;
import org.openiru.hashing.banks.SignalType;
import org.openiru.web.ApiException;
import org.openiru.web.Params;
import org.openiru.web.RequestIds;
import org.openiru.web.Routes;

/** OpenIRU's own JSON API for banks, hashing and matching. */
final class SignalApiRoutes {
    /** Who may read banks and match: the analysts and those above them. */
    static final Role[] READ = {Role.ADMIN, Role.SUPERVISOR, Role.ANALYST};
    /** Who may change banks. */
    static final Role[] CHANGE = {Role.ADMIN, Role.SUPERVISOR};
    private final Signals s;
    private final Authenticator auth;

    SignalApiRoutes(Signals signals, Authenticator auth) {
        this.s = signals;
        this.auth = auth;
    }

    /** A signal given by hand (API and form). */
    record EntryInput(String signalType, String value, String entity, List<String> tags, String note,
                      Instant enabledUntil) {
        NewEntry toNew() {
            try {
                return new NewEntry(SignalType.fromWireName(signalType == null ? "pdq" : signalType.strip()),
                        value == null ? "" : value, entity, tags, note, enabledUntil, null);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("value", e.getMessage());
            }
        }
    }

    record OpinionInput(String opinion) {
    }

    void register(Routes r) {
        r.tag("signals")
                .get("/api/v1/banks", "List hash banks", ctx -> ctx.json(s.banks.list()), READ)
                .post("/api/v1/banks", "Create a hash bank", ctx -> ctx.status(201)
                        .json(s.banks.create(actor(ctx), ctx.bodyAsClass(BankInput.class))), CHANGE)
                .get("/api/v1/banks/{id}", "One hash bank", ctx -> ctx.json(s.banks.get(Params.id(ctx))), READ)
                .put("/api/v1/banks/{id}", "Change a hash bank (fields left out keep their values)", ctx -> ctx.json(
                        s.banks.update(actor(ctx), Params.id(ctx), ctx.bodyAsClass(BankInput.class))), CHANGE)
                .delete("/api/v1/banks/{id}", "Delete a hash bank and its entries", ctx -> {
                    s.banks.delete(actor(ctx), Params.id(ctx));
                    ctx.status(204);
                }, CHANGE)
                .get("/api/v1/banks/{id}/entries", "Search a bank's entries (prefix, entity, tag; paged)",
                        ctx -> ctx.json(entries(ctx, s.banks)), READ)
                .post("/api/v1/banks/{id}/entries", "Add a signal to a bank", this::addEntry, CHANGE)
                .delete("/api/v1/banks/{id}/entries/{entry}", "Remove an entry from a bank", ctx -> {
                    s.banks.removeEntry(actor(ctx), Params.id(ctx), Params.longPath(ctx, "entry"));
                    ctx.status(204);
                }, CHANGE)
                .post("/api/v1/banks/{id}/entries/{entry}/opinion", "Record your unit's opinion of an entry", ctx -> {
                    s.banks.setOpinion(actor(ctx), Params.longPath(ctx, "entry"),
                            ctx.bodyAsClass(OpinionInput.class).opinion());
                    ctx.status(204);
                }, READ)
                .post("/api/v1/banks/{id}/import", "Import a bank file (format=hma|csv|hex, type, mode)",
                        ctx -> ctx.json(importFile(ctx, s.imports, actor(ctx))), CHANGE)
                .get("/api/v1/banks/{id}/export", "Export a bank (format=hma|csv|hex, type for hex)", this::export, READ)
                .post("/api/v1/hash", "Hash an uploaded image (field file): PDQ, quality, MD5, SHA-256",
                        ctx -> ctx.json(Uploads.hash(s.hasher, Uploads.require(ctx, "file"))), READ)
                .get("/api/v1/match", "Match a hash (pdq=, md5= or sha256=; bank= to limit) against the banks",
                        this::match, READ)
                .post("/api/v1/match", "Match an uploaded image (field file) or a hash against the banks",
                        this::match, READ);
    }

    static Banks.EntryPage entries(Context ctx, Banks banks) {
        return banks.entries(Params.id(ctx), new Banks.EntryFilter(Params.query(ctx, "prefix"),
                        Params.query(ctx, "entity"), Params.query(ctx, "tag")),
                Params.intQuery(ctx, "page", 1, 1, 1_000_000), Params.intQuery(ctx, "size", 50, 1, 500));
    }

    private void addEntry(Context ctx) {
        long bank = Params.id(ctx);
        Banks.Added added = s.banks.addEntries(actor(ctx), bank, List.of(ctx.bodyAsClass(EntryInput.class).toNew()),
                "api");
        Long hunt = s.retroHunts.start(bank, added.added()).orElse(null);
        ctx.status(added.added().isEmpty() ? 200 : 201);
        ctx.json(Map.of("added", added.added().size(), "duplicates", added.duplicates(),
                "retrohunt", hunt == null ? "" : hunt));
    }

    static BankImports.Report importFile(Context ctx, BankImports imports, Actor actor) throws Exception {
        Uploads.Upload u = Uploads.require(ctx, "file");
        String type = param(ctx, "type");
        String mode = param(ctx, "mode");
        String entity = param(ctx, "entity");
        BankImports.Options o;
        try {
            o = new BankImports.Options(BankFileFormat.parse(param(ctx, "format")),
                    type == null ? null : SignalType.fromWireName(type),
                    "strict".equalsIgnoreCase(mode) ? ParseMode.STRICT : ParseMode.COLLECT_ERRORS,
                    entity, List.of());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("type", e.getMessage());
        }
        return imports.importFile(actor, Params.id(ctx), new InputStreamReader(new ByteArrayInputStream(u.bytes()),
                StandardCharsets.UTF_8), u.name() == null ? "upload" : u.name(), o);
    }

    /** A query parameter, or the multipart form field of the same name (forms post their options). */
    private static String param(Context ctx, String name) {
        String q = Params.query(ctx, name);
        if (q != null) {
            return q;
        }
        String f = ctx.formParam(name);
        return f == null || f.isBlank() ? null : f.strip();
    }

    private void export(Context ctx) throws Exception {
        BankFileFormat format = BankFileFormat.parse(Params.query(ctx, "format"));
        String type = Params.query(ctx, "type");
        StringWriter out = new StringWriter();
        try {
            s.imports.export(Params.id(ctx), format, type == null ? SignalType.PDQ : SignalType.fromWireName(type), out);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("type", e.getMessage());
        }
        ctx.contentType(format == BankFileFormat.CSV ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8")
                .result(out.toString());
    }

    private void match(Context ctx) {
        Uploads.Upload u = Uploads.find(ctx, "file");
        Map<SignalType, String> signals;
        Object hashes = null;
        if (u != null) {
            MediaHashes h = Uploads.hash(s.hasher, u);
            signals = h.signals();
            hashes = h;
        } else {
            signals = signalsFromQuery(ctx);
        }
        String bank = Params.query(ctx, "bank");
        List<BankMatch> matches = s.matcher.match(signals, bank == null ? null : Set.of(bank));
        ctx.json(hashes == null ? Map.of("matches", matches) : Map.of("hashes", hashes, "matches", matches));
    }

    private static Map<SignalType, String> signalsFromQuery(Context ctx) {
        for (SignalType t : List.of(SignalType.PDQ, SignalType.MD5, SignalType.SHA256)) {
            String v = Params.query(ctx, t.wireName());
            if (v != null) {
                try {
                    return Map.of(t, t.normalise(v));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(t.wireName(), e.getMessage());
                }
            }
        }
        throw ApiException.badRequest("pdq", "Give pdq=, md5= or sha256=, or upload an image in the field file");
    }

    private Actor actor(Context ctx) {
        return auth.require(ctx).actor(RequestIds.of(ctx));
    }
}
