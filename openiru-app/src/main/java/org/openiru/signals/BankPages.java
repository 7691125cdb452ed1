package org.openiru.signals;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openiru.audit.Actor;
import org.openiru.auth.Authenticator;
import org.openiru.hashing.Hash256;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.RequestIds;
import org.openiru.web.Routes;

/**
 * The bank pages (list, detail with searchable entries, add and import forms) and the compare page. URL
 * fetching is left out until the SSRF guard exists. Uploaded images are shown back as data: URLs and never
 * stored.
 */
final class BankPages {
    private final Signals s;
    private final Pages pages;
    private final Authenticator auth;

    BankPages(Signals signals, Pages pages, Authenticator auth) {
        this.s = signals;
        this.pages = pages;
        this.auth = auth;
    }

    void register(Routes r) {
        r.tag("signals")
                .get("/banks", "Hash banks", ctx -> list(ctx, null), SignalApiRoutes.READ)
                .post("/banks", "Create a bank from the form", this::create, SignalApiRoutes.CHANGE)
                .get("/banks/{id}", "A bank and its entries", ctx -> detail(ctx, null, null), SignalApiRoutes.READ)
                .post("/banks/{id}/entries", "Add a hash or an image to a bank from the form", this::add,
                        SignalApiRoutes.CHANGE)
                .post("/banks/{id}/import", "Import a bank file from the form", this::importFile,
                        SignalApiRoutes.CHANGE)
                .get("/signals/compare", "Compare two images", ctx -> compare(ctx, Map.of()), SignalApiRoutes.READ)
                .post("/signals/compare", "Compare two uploaded images", this::compareUploads, SignalApiRoutes.READ);
    }

    private void list(Context ctx, ApiException error) {
        Map<String, Object> m = new HashMap<>();
        m.put("banks", s.banks.list());
        m.put("error", error);
        pages.render(ctx, "signals/banks.jte", m);
    }

    private void create(Context ctx) {
        try {
            String threshold = ctx.formParam("pdqThreshold");
            Bank b = s.banks.create(actor(ctx), new BankInput(ctx.formParam("name"), ctx.formParam("description"),
                    ctx.formParam("kind"), threshold == null || threshold.isBlank() ? null
                    : Params.positiveInt("pdqThreshold", threshold, 63), true, "local", null));
            ctx.redirect("/banks/" + b.id());
        } catch (ApiException e) {
            ctx.status(e.status());
            list(ctx, e);
        }
    }

    private void detail(Context ctx, BankImports.Report report, String error) {
        Bank bank = s.banks.get(Params.id(ctx));
        Map<String, Object> m = new HashMap<>();
        m.put("bank", bank);
        m.put("page", SignalApiRoutes.entries(ctx, s.banks));
        StringBuilder filter = new StringBuilder();
        for (String name : List.of("prefix", "entity", "tag")) {
            String v = Params.query(ctx, name);
            m.put(name, v == null ? "" : v);
            if (v != null) {
                filter.append('&').append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        m.put("filterQuery", filter.toString());
        m.put("hunts", s.retroHunts.ofBank(bank.id(), 5));
        m.put("report", report);
        m.put("error", error);
        pages.render(ctx, "signals/bank.jte", m);
    }

    private void add(Context ctx) {
        long bank = Params.id(ctx);
        try {
            Uploads.Upload u = Uploads.find(ctx, "file");
            List<String> tags = ctx.formParam("tags") == null ? List.of()
                    : Arrays.asList(ctx.formParam("tags").split(","));
            List<NewEntry> entries;
            if (u != null && u.bytes().length > 0) {
                long content = s.banks.nextContentId();
                MediaHashes h = Uploads.hash(s.hasher, u);
                entries = h.signals().entrySet().stream().map(e -> new NewEntry(e.getKey(), e.getValue(),
                        ctx.formParam("entity"), tags, ctx.formParam("note"), null, content)).toList();
            } else {
                entries = List.of(new SignalApiRoutes.EntryInput(ctx.formParam("signalType"), ctx.formParam("value"),
                        ctx.formParam("entity"), tags, ctx.formParam("note"), null).toNew());
            }
            Banks.Added added = s.banks.addEntries(actor(ctx), bank, entries, u != null ? "upload" : "form");
            s.retroHunts.start(bank, added.added());
            ctx.redirect("/banks/" + bank);
        } catch (ApiException e) {
            ctx.status(e.status());
            detail(ctx, null, e.getMessage());
        }
    }

    private void importFile(Context ctx) throws Exception {
        try {
            detail(ctx, SignalApiRoutes.importFile(ctx, s.imports, actor(ctx)), null);
        } catch (ApiException e) {
            ctx.status(e.status());
            detail(ctx, null, e.getMessage());
        }
    }

    private void compare(Context ctx, Map<String, Object> result) {
        Map<String, Object> m = new HashMap<>();
        for (String k : List.of("left", "right", "leftSrc", "rightSrc", "distance", "error")) {
            m.put(k, null);
        }
        m.putAll(result);
        pages.render(ctx, "signals/compare.jte", m);
    }

    private void compareUploads(Context ctx) {
        try {
            Uploads.Upload a = Uploads.require(ctx, "a");
            Uploads.Upload b = Uploads.require(ctx, "b");
            MediaHashes left = Uploads.hash(s.hasher, a);
            MediaHashes right = Uploads.hash(s.hasher, b);
            compare(ctx, Map.of("left", left, "right", right, "leftSrc", dataUrl(a), "rightSrc", dataUrl(b),
                    "distance", Hash256.fromHex(left.pdq()).distance(Hash256.fromHex(right.pdq()))));
        } catch (ApiException e) {
            ctx.status(e.status());
            compare(ctx, Map.of("error", e.getMessage()));
        }
    }

    /**
     * The upload itself, inline: nothing is written to disk, and CSP allows data: images. The type comes from
     * the file's first bytes, not from what the browser claimed; the upload decoded as an image already.
     */
    private static String dataUrl(Uploads.Upload u) {
        String head = new String(u.bytes(), 0, Math.min(12, u.bytes().length), StandardCharsets.ISO_8859_1);
        String type = head.startsWith("\u0089PNG") ? "image/png" : head.startsWith("GIF8") ? "image/gif"
                : head.startsWith("BM") ? "image/bmp" : head.startsWith("RIFF") ? "image/webp"
                : head.startsWith("II") || head.startsWith("MM") ? "image/tiff" : "image/jpeg";
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(u.bytes());
    }

    private Actor actor(Context ctx) {
        return auth.require(ctx).actor(RequestIds.of(ctx));
    }
}
