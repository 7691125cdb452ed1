package org.openiru.network;

import java.util.List;
import java.util.Map;

/** The kinds of edge (docs/network.md, "What an edge means") and how much each counts in the rankings. */
public final class EdgeKinds {
    public static final List<String> ALL = List.of("forward", "outlink", "shared", "mention", "reply");
    /**
     * An edge's weight in the ranking graph is its count times this factor: forwards, links and re-posted content
     * move content; a mention or a reply only names or answers someone, so it counts half.
     */
    static final Map<String, Double> FACTORS = Map.of("forward", 1.0, "outlink", 1.0, "shared", 1.0,
            "mention", 0.5, "reply", 0.5);
    /** The kinds whose weight is the network's reach in the takedown impact (docs/network.md, "Takedown"). */
    static final List<String> REACH = List.of("forward", "outlink");

    private EdgeKinds() {
    }

    /** The SQL expression of an edge row's ranking weight ({@code e} is the network_edges row). */
    static String weightSql() {
        StringBuilder sql = new StringBuilder("CASE e.kind");
        ALL.forEach(k -> sql.append(" WHEN '").append(k).append("' THEN e.weight * ").append(FACTORS.get(k)));
        return sql.append(" END").toString();
    }
}
