package org.openiru.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jgrapht.alg.scoring.PageRank;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Ranks every actor of the network and writes {@code network_actor_ranks} whole (docs/network.md, "Rankings"):
 * PageRank (JGraphT, over a {@link JGraphTView} of the compact graph), sampled betweenness, label-propagation
 * communities, first posts and cases seeded, the share of assessed terrorist content, and the combined score.
 */
final class Ranker {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Ranker.class);
    /** Betweenness sources sampled (docs/network.md, "Sampling accuracy"). */
    static final int PIVOTS = 64;
    /** Fixed so that a ranking run over the same edges gives the same ranks. */
    static final long SEED = 20_191_121L;
    static final double DAMPING = 0.85;
    /** The combined score's weights (docs/network.md, "The combined score"); they add up to one. */
    static final double W_PAGERANK = 0.45;
    static final double W_BETWEENNESS = 0.20;
    static final double W_SEEDED = 0.20;
    static final double W_TERRORIST = 0.15;

    private static final String STATS = """
            WITH /*case posts*/,
            case_spread AS (SELECT case_id, min(at) AS others_at FROM case_later GROUP BY case_id),
            seeded AS (
                SELECT f.actor_id, count(*) AS n FROM case_first f JOIN case_spread s ON s.case_id = f.case_id
                GROUP BY f.actor_id),
            first_posts AS (
                SELECT p.actor_id, count(*) AS n
                FROM case_posts p
                JOIN case_first f ON f.case_id = p.case_id AND f.actor_id = p.actor_id
                JOIN case_spread s ON s.case_id = p.case_id
                WHERE p.at <= s.others_at GROUP BY p.actor_id),
            assessed AS (
                SELECT case_id, outcome FROM (
                    SELECT DISTINCT ON (case_id) case_id, outcome FROM review_assessments ORDER BY case_id, id DESC) a
                WHERE outcome <> 'escalate'),
            shares AS (
                SELECT p.actor_id, avg(CASE WHEN a.outcome = 'terrorist' THEN 1.0 ELSE 0.0 END) AS share
                FROM case_posts p JOIN assessed a ON a.case_id = p.case_id GROUP BY p.actor_id)
            SELECT ids.actor_id, COALESCE(fp.n, 0) AS first_posts, COALESCE(sd.n, 0) AS cases_seeded,
                CAST(sh.share AS double precision) AS share
            FROM (SELECT actor_id FROM first_posts UNION SELECT actor_id FROM seeded UNION SELECT actor_id FROM shares) ids
            LEFT JOIN first_posts fp ON fp.actor_id = ids.actor_id
            LEFT JOIN seeded sd ON sd.actor_id = ids.actor_id
            LEFT JOIN shares sh ON sh.actor_id = ids.actor_id""".replace("/*case posts*/", EdgeBuilder.CASE_POSTS);

    /** The numbers of one run, for the log, the audit record and the benchmark. */
    record Run(int actors, int edges, long loadMillis, long computeMillis, long writeMillis) {
    }

    private Ranker() {
    }

    static Run rank(Handle h, Instant now, int pivots) {
        long t0 = System.nanoTime();
        CompactGraph g = GraphLoader.ranking(h);
        int n = g.vertices();
        int[] firstPosts = new int[n];
        int[] seeded = new int[n];
        double[] share = new double[n];
        Arrays.fill(share, Double.NaN);
        h.createQuery(STATS).setFetchSize(20_000).map((rs, ctx) -> {
            int v = g.vertexOf(rs.getLong(1));
            if (v >= 0) {
                firstPosts[v] = rs.getInt(2);
                seeded[v] = rs.getInt(3);
                double s = rs.getDouble(4);
                share[v] = rs.wasNull() ? Double.NaN : s;
            }
            return v;
        }).forEach(v -> { });
        long t1 = System.nanoTime();

        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        double[] pagerank = pageRank(g);
        long c1 = cpu.getCurrentThreadCpuTime();
        double[] betweenness = Betweenness.estimate(g, pivots, SEED);
        long c2 = cpu.getCurrentThreadCpuTime();
        int[] community = Communities.labels(g, SEED);
        long c3 = cpu.getCurrentThreadCpuTime();
        LOG.info("Ranked {} actors, {} edges; CPU: PageRank {} ms, betweenness ({} sources) {} ms, communities {} ms",
                n, g.edges(), (c1 - c0) / 1_000_000, pivots, (c2 - c1) / 1_000_000, (c3 - c2) / 1_000_000);
        double[] score = new double[n];
        double maxPr = max(pagerank);
        double maxBc = max(betweenness);
        double maxSeeded = Arrays.stream(seeded).max().orElse(0);
        for (int v = 0; v < n; v++) {
            score[v] = W_PAGERANK * ratio(pagerank[v], maxPr) + W_BETWEENNESS * ratio(betweenness[v], maxBc)
                    + W_SEEDED * ratio(seeded[v], maxSeeded) + W_TERRORIST * (Double.isNaN(share[v]) ? 0 : share[v]);
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(v -> -score[v])
                .thenComparingDouble(v -> -pagerank[v]).thenComparingLong(v -> g.actorIds[v]));
        long t2 = System.nanoTime();

        h.execute("DELETE FROM network_actor_ranks");
        try (PGCopyOutputStream copy = new PGCopyOutputStream(h.getConnection().unwrap(PGConnection.class),
                "COPY network_actor_ranks (actor_id, rank, score, pagerank, betweenness, community, first_posts, "
                        + "cases_seeded, terrorist_share, computed_at) FROM STDIN", 1 << 16)) {
            String at = now.toString();
            StringBuilder line = new StringBuilder(160);
            for (int r = 0; r < n; r++) {
                int v = order[r];
                line.setLength(0);
                line.append(g.actorIds[v]).append('\t').append(r + 1).append('\t').append(score[v]).append('\t')
                        .append(pagerank[v]).append('\t').append(betweenness[v]).append('\t')
                        .append(g.actorIds[community[v]]).append('\t').append(firstPosts[v]).append('\t')
                        .append(seeded[v]).append('\t').append(Double.isNaN(share[v]) ? "\\N" : Double.toString(share[v]))
                        .append('\t').append(at).append('\n');
                copy.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the ranks failed: " + e.getMessage(), e);
        }
        long t3 = System.nanoTime();
        return new Run(n, g.edges(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    /** PageRank by JGraphT (weighted: an actor passes its rank on in proportion to its edges' weights). */
    static double[] pageRank(CompactGraph g) {
        double[] pr = new double[g.vertices()];
        if (pr.length == 0) {
            return pr;
        }
        Map<Integer, Double> scores = new PageRank<>(new JGraphTView(g), DAMPING).getScores();
        scores.forEach((v, s) -> pr[v] = s);
        return pr;
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }

    private static double ratio(double x, double max) {
        return max > 0 ? x / max : 0;
    }
}
