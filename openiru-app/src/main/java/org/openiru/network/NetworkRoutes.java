package org.openiru.network;

import io.javalin.http.Context;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openiru.app.Json;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.web.ApiException;
import org.openiru.web.Downloads;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/** The network pages (rankings and graph, an actor's neighbourhood, takedown impact), graph data and exports. */
final class NetworkRoutes {
    /** Unit staff; platform users never see the network. */
    static final Role[] READERS = Role.UNIT_STAFF;
    static final Role[] RANKERS = {Role.ADMIN, Role.SUPERVISOR};
    private static final int TABLE_ROWS = 100;
    private static final int GRAPH_DEFAULT = 80;
    private static final int GRAPH_MAX = 500;
    private static final int GREEDY_K = 10;
    private static final int MAX_CHOSEN = 200;

    private final Network network;
    private final GraphExport export;
    private final Pages pages;
    private final Authenticator auth;

    NetworkRoutes(Network network, GraphExport export, Pages pages, Authenticator auth) {
        this.network = network;
        this.export = export;
        this.pages = pages;
        this.auth = auth;
    }

    void register(Routes r) {
        r.tag("network")
                .get("/network", "Key distributors ranked, with the interactive graph (platform, entity, from, to)",
                        this::page, READERS)
                .post("/network/rank", "Rebuild the network from the items and rank it again (runs as a job)",
                        this::requestRank, RANKERS)
                .get("/api/v1/network/graph", "The top actors by rank and the edges among them (platform, entity, "
                        + "from, to, limit)", this::graph, READERS)
                .get("/network/actors/{id}", "An actor's neighbourhood: edges in and out by kind, and its ranks",
                        this::actor, READERS)
                .get("/network/takedown", "The share of reach cut by removing the chosen actors (actor, repeated) "
                        + "and the greedy best targets", this::takedown, READERS)
                .get("/network/export.gexf", "The network as GEXF 1.3 (same filters as /network)",
                        ctx -> download(ctx, "gexf", "application/gexf+xml"), READERS)
                .get("/network/export.graphml", "The network as GraphML (same filters as /network)",
                        ctx -> download(ctx, "graphml", "application/graphml+xml"), READERS);
    }

    private void page(Context ctx) {
        NetworkFilter f = filter(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("filter", f);
        m.put("query", f.query());
        m.put("rows", network.queries.ranks(f, TABLE_ROWS));
        m.put("computedAt", network.queries.computedAt().orElse(null));
        m.put("platforms", network.queries.platforms());
        m.put("entities", network.queries.entities());
        m.put("queued", ctx.queryParam("queued") != null);
        pages.render(ctx, "network/network.jte", m);
    }

    private void requestRank(Context ctx) {
        network.requestRebuild(auth.actor(ctx));
        ctx.redirect("/network?queued=1", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void graph(Context ctx) {
        NetworkFilter f = filter(ctx);
        int limit = Params.intQuery(ctx, "limit", GRAPH_DEFAULT, 1, GRAPH_MAX);
        List<NetworkQueries.Ranked> top = network.queries.ranks(f, limit);
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (NetworkQueries.Ranked r : top) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", r.actorId());
            n.put("label", r.name());
            n.put("rank", r.rank());
            n.put("score", r.score());
            n.put("community", r.community());
            n.put("platform", r.platform());
            nodes.add(n);
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (NetworkQueries.Edge e : network.queries.edgesAmong(top.stream().map(NetworkQueries.Ranked::actorId)
                .toList(), f, limit * 20)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", e.source());
            m.put("target", e.target());
            m.put("kind", e.kind());
            m.put("weight", e.weight());
            m.put("firstAt", e.firstAt());
            m.put("lastAt", e.lastAt());
            edges.add(m);
        }
        ctx.json(Map.of("nodes", nodes, "edges", edges));
    }

    private void actor(Context ctx) {
        long id = Params.id(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("rank", network.queries.rank(id).orElse(null));
        m.put("name", network.queries.names(List.of(id)).get(id));
        if (m.get("name") == null) {
            throw ApiException.notFound("Actor " + id);
        }
        m.put("out", network.queries.neighbours(id, true, 200));
        m.put("in", network.queries.neighbours(id, false, 200));
        pages.render(ctx, "network/actor.jte", m);
    }

    private void takedown(Context ctx) {
        Set<Long> chosen = new LinkedHashSet<>();
        for (String v : ctx.queryParams("actor")) {
            if (v.isBlank()) {
                continue;
            }
            try {
                chosen.add(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("actor", "actor must be an actor id (a whole number), not " + v);
            }
        }
        if (chosen.size() > MAX_CHOSEN) {
            throw ApiException.badRequest("actor", "choose at most " + MAX_CHOSEN + " actors");
        }
        int k = Params.intQuery(ctx, "k", GREEDY_K, 1, 50);
        Takedown.Impact impact = network.takedown(chosen, k);
        Set<Long> named = new LinkedHashSet<>(chosen);
        impact.greedy().forEach(p -> named.add(p.actorId()));
        Map<String, Object> m = new HashMap<>();
        m.put("chosen", List.copyOf(chosen));
        m.put("impact", impact);
        m.put("names", network.queries.names(named));
        m.put("actionDays", network.queries.openActionDays());
        m.put("k", k);
        pages.render(ctx, "network/takedown.jte", m);
    }

    private void download(Context ctx, String format, String type) throws Exception {
        NetworkFilter f = filter(ctx);
        Downloads.attachment(ctx, type + "; charset=utf-8", "openiru-network." + format);
        OutputStream out = ctx.outputStream();
        if (format.equals("gexf")) {
            export.gexf(f, out);
        } else {
            export.graphml(f, out);
        }
    }

    static NetworkFilter filter(Context ctx) {
        Instant from = Params.dayQuery(ctx, "from", 0);
        Instant to = Params.dayQuery(ctx, "to", 1);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("from", "from must not be after to");
        }
        String entity = Params.query(ctx, "entity");
        if (entity != null && entity.length() > 200) {
            throw ApiException.badRequest("entity", "entity must be at most 200 characters");
        }
        return new NetworkFilter(Params.longQuery(ctx, "platform"), entity, from, to);
    }
}
