package org.openiru.network;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** What the network pages, the graph data and the exports read. */
public final class NetworkQueries {
    /** One ranked actor with its names. */
    public record Ranked(long actorId, int rank, double score, double pagerank, double betweenness, long community,
                         int firstPosts, int casesSeeded, Double terroristShare, Instant computedAt, String name,
                         String handle, String platform, String kind) {
    }

    /** One edge with the actor at its other end. */
    public record Edge(long source, long target, String kind, long weight, Instant firstAt, Instant lastAt,
                       String otherName) {
    }

    /** An action day that targets can be added to. */
    public record ActionDay(long id, String name, String status) {
    }

    private static final String RANKED = """
            SELECT r.actor_id, r.rank, r.score, r.pagerank, r.betweenness, r.community, r.first_posts, r.cases_seeded,
                r.terrorist_share, r.computed_at,
                COALESCE(NULLIF(a.display_name, ''), a.handle, a.external_id) AS name, a.handle,
                COALESCE(p.name, '') AS platform, a.kind
            FROM network_actor_ranks r JOIN actors a ON a.id = r.actor_id LEFT JOIN platforms p ON p.id = a.platform_id
            """;

    private final Jdbi jdbi;

    NetworkQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static Ranked ranked(java.sql.ResultSet rs) throws java.sql.SQLException {
        double share = rs.getDouble("terrorist_share");
        Double terrorist = rs.wasNull() ? null : share;
        return new Ranked(rs.getLong("actor_id"), rs.getInt("rank"), rs.getDouble("score"), rs.getDouble("pagerank"),
                rs.getDouble("betweenness"), rs.getLong("community"), rs.getInt("first_posts"),
                rs.getInt("cases_seeded"), terrorist, rs.getTimestamp("computed_at").toInstant(), rs.getString("name"),
                rs.getString("handle"), rs.getString("platform"), rs.getString("kind"));
    }

    /** The top actors by rank that pass the filter. */
    public List<Ranked> ranks(NetworkFilter f, int limit) {
        return jdbi.withHandle(h -> f.bind(h.createQuery(RANKED + " WHERE " + f.actorCondition()
                        + " ORDER BY r.rank LIMIT :limit")).bind("limit", limit)
                .map((rs, ctx) -> ranked(rs)).list());
    }

    /** Streams every ranked actor that passes the filter, in rank order (the exports). */
    void eachRanked(Handle h, NetworkFilter f, java.util.function.Consumer<Ranked> each) {
        f.bind(h.createQuery(RANKED + " WHERE " + f.actorCondition() + " ORDER BY r.rank")).setFetchSize(5_000)
                .map((rs, ctx) -> ranked(rs)).forEach(each);
    }

    public Optional<Ranked> rank(long actorId) {
        return jdbi.withHandle(h -> h.createQuery(RANKED + " WHERE r.actor_id = :id").bind("id", actorId)
                .map((rs, ctx) -> ranked(rs)).findOne());
    }

    /** When the ranks were computed last, if ever. */
    public Optional<Instant> computedAt() {
        return jdbi.withHandle(h -> h.createQuery("SELECT max(computed_at) FROM network_actor_ranks")
                .mapTo(Instant.class).findOne());
    }

    /** The edges among the given actors seen in the filter's period, heaviest first. */
    public List<Edge> edgesAmong(List<Long> actors, NetworkFilter f, int limit) {
        return jdbi.withHandle(h -> f.bind(h.createQuery("""
                        SELECT e.source_actor_id, e.target_actor_id, e.kind, e.weight, e.first_at, e.last_at, '' AS other
                        FROM network_edges e
                        WHERE e.source_actor_id = ANY (:ids) AND e.target_actor_id = ANY (:ids)"""
                        + " AND " + f.edgePeriod("e") + " ORDER BY e.weight DESC, e.source_actor_id, e.target_actor_id LIMIT :limit"))
                .bindArray("ids", Long.class, actors).bind("limit", limit).map((rs, ctx) -> edge(rs)).list());
    }

    /** Streams the edges whose both ends are ranked actors passing the filter (the exports). */
    void eachEdge(Handle h, NetworkFilter f, java.util.function.Consumer<Edge> each) {
        String among = "SELECT a.id FROM network_actor_ranks r JOIN actors a ON a.id = r.actor_id WHERE "
                + f.actorCondition();
        f.bind(h.createQuery("SELECT e.source_actor_id, e.target_actor_id, e.kind, e.weight, e.first_at, e.last_at, "
                        + "'' AS other FROM network_edges e WHERE e.source_actor_id IN (" + among + ") "
                        + "AND e.target_actor_id IN (" + among + ") AND " + f.edgePeriod("e")
                        + " ORDER BY e.source_actor_id, e.target_actor_id, e.kind")).setFetchSize(5_000)
                .map((rs, ctx) -> edge(rs)).forEach(each);
    }

    /** An actor's edges out (outgoing = true) or in, heaviest first, with the other actor's name. */
    public List<Edge> neighbours(long actorId, boolean outgoing, int limit) {
        String mine = outgoing ? "source_actor_id" : "target_actor_id";
        String other = outgoing ? "target_actor_id" : "source_actor_id";
        return jdbi.withHandle(h -> h.createQuery("SELECT e.source_actor_id, e.target_actor_id, e.kind, e.weight, "
                        + "e.first_at, e.last_at, COALESCE(NULLIF(o.display_name, ''), o.handle, o.external_id) AS other "
                        + "FROM network_edges e JOIN actors o ON o.id = e." + other + " WHERE e." + mine + " = :id "
                        + "ORDER BY e.weight DESC, e.kind, o.id LIMIT :limit")
                .bind("id", actorId).bind("limit", limit).map((rs, ctx) -> edge(rs)).list());
    }

    private static Edge edge(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp first = rs.getTimestamp("first_at");
        java.sql.Timestamp last = rs.getTimestamp("last_at");
        return new Edge(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                first == null ? null : first.toInstant(), last == null ? null : last.toInstant(), rs.getString("other"));
    }

    /** The entities named by assessments, for the filter. */
    public List<String> entities() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT entity FROM review_assessments WHERE entity <> '' "
                + "ORDER BY entity").mapTo(String.class).list());
    }

    /** Names of actors by id (the takedown page). */
    public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, COALESCE(NULLIF(display_name, ''), handle, external_id) "
                        + "FROM actors WHERE id = ANY (:ids)").bindArray("ids", Long.class, List.copyOf(ids))
                .map((rs, ctx) -> names.put(rs.getLong(1), rs.getString(2))).list());
        return names;
    }

    /** A platform for the filter. */
    public record PlatformName(long id, String name) {
    }

    public List<PlatformName> platforms() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM platforms ORDER BY name")
                .map((rs, ctx) -> new PlatformName(rs.getLong(1), rs.getString(2))).list());
    }

    /** Planned and running action days, which targets can be added to. */
    public List<ActionDay> openActionDays() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, status FROM action_days "
                        + "WHERE status IN ('planned', 'running') ORDER BY starts_at, id")
                .map((rs, ctx) -> new ActionDay(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
    }
}
