package org.openiru.ingest;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.detect.ItemScores;
import org.openiru.platform.Platforms;
import org.openiru.signals.SignalMatcher;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/** Pages and API for what was collected: sources and imports, items, an item's evidence, actors. */
public final class IngestRoutes {
    private static final Role[] READERS = Role.UNIT_STAFF;
    private static final Role[] COLLECTORS = {Role.ADMIN, Role.SUPERVISOR, Role.ANALYST, Role.TRIAGE};
    private static final int PAGE = 50;
    /** The upload kinds as the form offers them, the most common first. */
    private static final List<String> UPLOAD_ORDER = List.of("telegram_export", "warc", "jsonl", "urls");

    private final ItemQueries items;
    private final Sources sources;
    private final UploadImports uploads;
    private final Platforms platforms;
    private final SignalMatcher signals;
    private final ItemScores scores;
    private final Pages pages;
    private final Authenticator auth;

    public IngestRoutes(ItemQueries items, Sources sources, UploadImports uploads, Platforms platforms,
                        SignalMatcher signals, ItemScores scores, Pages pages, Authenticator auth) {
        this.items = items;
        this.sources = sources;
        this.uploads = uploads;
        this.platforms = platforms;
        this.signals = signals;
        this.scores = scores;
        this.pages = pages;
        this.auth = auth;
    }

    public void register(Routes r) {
        r.tag("ingest")
                .get("/sources", "Sources and imports", ctx -> sourcesPage(ctx, null), READERS)
                .get("/sources/table", "The sources table, refreshed while imports run", ctx -> pages.render(ctx,
                        "ingest/sources-table.jte", sourcesModel()), READERS)
                .post("/sources/upload", "Upload a file and import it in the background", this::upload, COLLECTORS)
                .get("/sources/{id}", "One source with its errors", ctx -> pages.render(ctx, "ingest/source.jte",
                        Map.of("source", source(ctx))), READERS)
                .get("/items", "Search collected items", this::itemsPage, READERS)
                .get("/items/{id}", "One item: text, versions, media, outlinks, raw record, provenance",
                        this::itemPage, READERS)
                .get("/actors/{id}", "An account, channel or site and its items over time", this::actorPage, READERS)
                .get("/api/v1/sources", "Latest sources", ctx -> ctx.json(sources.recent(
                        Params.intQuery(ctx, "limit", 50, 1, 500))), READERS)
                .get("/api/v1/sources/{id}", "One source", ctx -> ctx.json(source(ctx)), READERS)
                .get("/api/v1/items", "Search collected items, newest first (page with before=<id>)",
                        ctx -> ctx.json(items.search(filter(ctx), Params.longQuery(ctx, "before"), Params.intQuery(ctx, "limit", PAGE, 1,
                                500))), READERS)
                .get("/api/v1/items/{id}", "One item with versions, media and outlinks", ctx -> ctx.json(item(ctx)),
                        READERS);
    }

    private Map<String, Object> sourcesModel() {
        Map<String, Object> m = new HashMap<>();
        List<Source> recent = sources.recent(100);
        List<UploadImports.Pending> pending = uploads.pending();
        m.put("sources", recent);
        m.put("pending", pending);
        m.put("running", recent.stream().anyMatch(s -> Source.RUNNING.equals(s.status()))
                || pending.stream().anyMatch(p -> !"dead".equals(p.state())));
        return m;
    }

    private void sourcesPage(Context ctx, ApiException error) {
        Map<String, Object> m = sourcesModel();
        m.put("kinds", UPLOAD_ORDER.stream().filter(uploads.kinds()::contains).toList());
        m.put("error", error);
        pages.render(ctx, "ingest/sources.jte", m);
    }

    private void upload(Context ctx) throws Exception {
        UploadedFile file = ctx.uploadedFile("file");
        try {
            if (file == null || file.size() == 0) {
                throw ApiException.badRequest("file", "Choose a file to import");
            }
            try (InputStream in = file.content()) {
                uploads.submit(auth.actor(ctx), ctx.formParam("kind"), file.filename(), ctx.formParam("name"), in);
            }
            ctx.redirect("/sources");
        } catch (ApiException e) {
            ctx.status(e.status());
            sourcesPage(ctx, e);
        }
    }

    private void itemsPage(Context ctx) {
        ItemQueries.ItemFilter f = filter(ctx);
        List<ItemQueries.ItemRow> rows = items.search(f, f.byPriority() ? Params.intQuery(ctx, "bp", 101, -1, 101) : null,
                Params.longQuery(ctx, "before"), PAGE + 1);
        Map<String, Object> m = new HashMap<>();
        m.put("rows", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
        ItemQueries.ItemRow last = rows.size() > PAGE ? rows.get(PAGE - 1) : null;
        // sorted by priority, the next page starts after the last row's (priority, id); unscored rows count as -1
        m.put("nextBefore", last == null ? null : last.id() + (f.byPriority()
                ? "&bp=" + (last.priority() == null ? -1 : last.priority()) : ""));
        m.put("filter", f);
        m.put("platforms", platforms.list());
        m.put("query", ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)(before|bp)=[^&]*", ""));
        pages.render(ctx, "ingest/items.jte", m);
    }

    private void itemPage(Context ctx) {
        ItemQueries.ItemDetail item = item(ctx);
        Map<String, List<SignalMatcher.Hit>> hits = new HashMap<>();
        item.media().stream().filter(m -> m.sha256() != null)
                .forEach(m -> hits.put(m.sha256(), signals.hitsOf(m.sha256())));
        Map<String, Object> m = new HashMap<>();
        m.put("item", item);
        m.put("hits", hits);
        m.put("score", scores.find(item.row().id()).orElse(null));
        m.put("other", pages.messages(pages.context(ctx).lang().equals("ar") ? "en" : "ar"));
        pages.render(ctx, "ingest/item.jte", m);
    }

    private void actorPage(Context ctx) {
        long id = Params.id(ctx);
        ItemQueries.ActorDetail actor = items.actor(id).orElseThrow(() -> ApiException.notFound("Actor " + id));
        Map<String, Object> m = new HashMap<>();
        m.put("actor", actor);
        m.put("rows", items.search(new ItemQueries.ItemFilter(null, null, null, id, null, null, null, null, false), null,
                PAGE));
        pages.render(ctx, "ingest/actor.jte", m);
    }

    private Source source(Context ctx) {
        long id = Params.id(ctx);
        return sources.find(id).orElseThrow(() -> ApiException.notFound("Source " + id));
    }

    private ItemQueries.ItemDetail item(Context ctx) {
        long id = Params.id(ctx);
        return items.item(id).orElseThrow(() -> ApiException.notFound("Item " + id));
    }

    private static ItemQueries.ItemFilter filter(Context ctx) {
        return ItemQueries.ItemFilter.parse(name -> Params.query(ctx, name));
    }
}
