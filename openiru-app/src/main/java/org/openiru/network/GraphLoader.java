package org.openiru.network;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.jdbi.v3.core.Handle;

/**
 * Reads {@code network_edges} into a {@link CompactGraph}, streaming with a cursor (the caller's transaction)
 * into primitive arrays: first the actors that have an edge, then one summed edge per ordered pair.
 */
final class GraphLoader {
    private static final int FETCH = 20_000;
    private static final String ACTORS = "SELECT source_actor_id FROM network_edges e WHERE %s UNION "
            + "SELECT target_actor_id FROM network_edges e WHERE %s ORDER BY 1";
    private static final String EDGES = "SELECT e.source_actor_id, e.target_actor_id, sum(%s) "
            + "FROM network_edges e WHERE %s GROUP BY 1, 2 ORDER BY 1, 2";

    private GraphLoader() {
    }

    /** The whole network, each kind weighted with its ranking factor. */
    static CompactGraph ranking(Handle h) {
        return load(h, "true", EdgeKinds.weightSql());
    }

    /** The reach edges only (forward and outlink), weighted by their counts. */
    static CompactGraph reach(Handle h) {
        return load(h, "e.kind IN ('" + String.join("', '", EdgeKinds.REACH) + "')", "e.weight");
    }

    private static CompactGraph load(Handle h, String where, String weightSql) {
        try {
            Connection c = h.getConnection();
            long[] actors = new long[1024];
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(ACTORS.formatted(where, where))) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == actors.length) {
                            actors = Arrays.copyOf(actors, n * 2);
                        }
                        actors[n++] = rs.getLong(1);
                    }
                }
            }
            actors = Arrays.copyOf(actors, n);
            int[] source = new int[1024];
            int[] target = new int[1024];
            double[] weight = new double[1024];
            int m = 0;
            try (PreparedStatement ps = c.prepareStatement(EDGES.formatted(weightSql, where))) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (m == source.length) {
                            source = Arrays.copyOf(source, m * 2);
                            target = Arrays.copyOf(target, m * 2);
                            weight = Arrays.copyOf(weight, m * 2);
                        }
                        source[m] = Arrays.binarySearch(actors, rs.getLong(1));
                        target[m] = Arrays.binarySearch(actors, rs.getLong(2));
                        weight[m] = rs.getDouble(3);
                        m++;
                    }
                }
            }
            return new CompactGraph(actors, source, target, weight, m);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the network edges failed: " + e.getMessage(), e);
        }
    }
}
