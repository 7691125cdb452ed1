package org.openiru.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;

/**
 * The compact graph's algorithms against JGraphT's reference implementations on a random graph: PageRank through
 * the view equals PageRank of an ordinary JGraphT graph; betweenness with every vertex as a source equals exact
 * Brandes, and the 64-source estimate finds the same top vertices; communities separate two cliques joined by
 * one edge, and the same seed gives the same labels.
 */
class GraphAlgorithmsTest {
    private static final int N = 300;

    /** A random weighted digraph with a few hubs, as sorted edge arrays; the same as a JGraphT graph. */
    private static CompactGraph random(Graph<Integer, DefaultWeightedEdge> reference) {
        Random r = new Random(3);
        TreeMap<Long, Double> edges = new TreeMap<>();
        for (int s = 0; s < N; s++) {
            for (int i = 0; i < 6; i++) {
                int t = r.nextDouble() < 0.3 ? r.nextInt(5) : r.nextInt(N);
                if (t != s) {
                    edges.merge((long) s * N + t, 1.0 + r.nextInt(3), Double::sum);
                }
            }
        }
        long[] ids = new long[N];
        for (int v = 0; v < N; v++) {
            ids[v] = 1000 + v;
            reference.addVertex(v);
        }
        int[] src = new int[edges.size()];
        int[] dst = new int[edges.size()];
        double[] w = new double[edges.size()];
        int m = 0;
        for (Map.Entry<Long, Double> e : edges.entrySet()) {
            src[m] = (int) (e.getKey() / N);
            dst[m] = (int) (e.getKey() % N);
            w[m] = e.getValue();
            reference.setEdgeWeight(reference.addEdge(src[m], dst[m]), w[m]);
            m++;
        }
        return new CompactGraph(ids, src, dst, w, m);
    }

    @Test
    void pageRankAndBetweennessAgreeWithJGraphT() {
        Graph<Integer, DefaultWeightedEdge> reference = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        CompactGraph g = random(reference);
        double[] pr = Ranker.pageRank(g);
        Map<Integer, Double> expected = new PageRank<>(reference, Ranker.DAMPING).getScores();
        for (int v = 0; v < N; v++) {
            assertThat(pr[v]).isCloseTo(expected.get(v), within(1e-9));
        }
        // unweighted shortest paths, as documented: JGraphT's exact Brandes on the same graph with unit weights
        Graph<Integer, DefaultWeightedEdge> hops = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        reference.vertexSet().forEach(hops::addVertex);
        reference.edgeSet().forEach(e -> hops.addEdge(reference.getEdgeSource(e), reference.getEdgeTarget(e)));
        Map<Integer, Double> exact = new BetweennessCentrality<>(hops).getScores();
        double[] all = Betweenness.estimate(g, N, 1);
        for (int v = 0; v < N; v++) {
            assertThat(all[v]).isCloseTo(exact.get(v), within(1e-6));
        }
        double[] sampled = Betweenness.estimate(g, 64, 1);
        assertThat(top(sampled, 3)).isEqualTo(top(all, 3));
    }

    private static java.util.Set<Integer> top(double[] xs, int k) {
        return java.util.stream.IntStream.range(0, xs.length).boxed()
                .sorted((a, b) -> Double.compare(xs[b], xs[a])).limit(k).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void labelPropagationSeparatesTwoCliques() {
        // vertices 0-4 and 5-9 fully connected inside, one edge 4 -> 5 between
        int[] src = new int[41];
        int[] dst = new int[41];
        double[] w = new double[41];
        int m = 0;
        for (int s = 0; s < 10; s++) {
            for (int t = 0; t < 10; t++) {
                if (s != t && (s < 5) == (t < 5) || s == 4 && t == 5) {
                    src[m] = s;
                    dst[m] = t;
                    w[m++] = 1;
                }
            }
        }
        CompactGraph g = new CompactGraph(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, src, dst, w, m);
        int[] labels = Communities.labels(g, 7);
        assertThat(labels[0]).isEqualTo(labels[1]).isEqualTo(labels[4]);
        assertThat(labels[5]).isEqualTo(labels[6]).isEqualTo(labels[9]);
        assertThat(labels[0]).isNotEqualTo(labels[5]);
        assertThat(Communities.labels(g, 7)).isEqualTo(labels);
    }
}
