package org.openiru.network;

import java.util.Arrays;
import java.util.Random;

/**
 * Betweenness centrality estimated from a seeded sample of source vertices (Brandes 2001; the pivot estimator of
 * Brandes and Pich 2007): exact Brandes runs one breadth-first search per vertex, O(V·E), hours for 200,000
 * actors and 2,000,000 edges. Here {@code k} sources drawn uniformly without replacement each add their
 * dependencies, and the sum is scaled by V/k, an unbiased estimate of the exact value. With all vertices as
 * sources (k ≥ V) it is exact Brandes. Paths follow the edges' direction and count hops (weights are not
 * distances here: a heavier edge is a stronger tie, not a longer one). Same seed, same graph: same numbers.
 * The predecessors of a vertex are found again from its incoming edges instead of being stored, so that the
 * memory stays at four arrays of V.
 */
final class Betweenness {
    private Betweenness() {
    }

    static double[] estimate(CompactGraph g, int k, long seed) {
        int n = g.vertices();
        double[] bc = new double[n];
        if (n == 0) {
            return bc;
        }
        int[] sources = sample(n, k, seed);
        int[] dist = new int[n];
        double[] sigma = new double[n];
        double[] delta = new double[n];
        int[] order = new int[n];
        Arrays.fill(dist, -1);
        for (int s : sources) {
            int visited = 0;
            int head = 0;
            dist[s] = 0;
            sigma[s] = 1;
            order[visited++] = s;
            while (head < visited) {
                int v = order[head++];
                for (int e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
                    int w = g.target[e];
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        order[visited++] = w;
                    }
                    if (dist[w] == dist[v] + 1) {
                        sigma[w] += sigma[v];
                    }
                }
            }
            for (int i = visited - 1; i > 0; i--) {
                int w = order[i];
                double share = (1 + delta[w]) / sigma[w];
                for (int j = g.inStart[w]; j < g.inStart[w + 1]; j++) {
                    int v = g.source[g.inEdges[j]];
                    if (dist[v] >= 0 && dist[v] == dist[w] - 1) {
                        delta[v] += sigma[v] * share;
                    }
                }
                bc[w] += delta[w];
            }
            for (int i = 0; i < visited; i++) {
                int v = order[i];
                dist[v] = -1;
                sigma[v] = 0;
                delta[v] = 0;
            }
        }
        double scale = (double) n / sources.length;
        for (int v = 0; v < n; v++) {
            bc[v] *= scale;
        }
        return bc;
    }

    /** {@code min(k, n)} distinct vertices, a partial Fisher–Yates shuffle with the seed. */
    private static int[] sample(int n, int k, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int take = Math.min(k, n);
        Random random = new Random(seed);
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, take);
    }
}
