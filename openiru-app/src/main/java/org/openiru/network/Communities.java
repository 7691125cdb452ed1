package org.openiru.network;

import java.util.Random;

/**
 * Communities by label propagation (Raghavan, Albert and Kumara 2007) on the network taken as undirected and
 * weighted: every actor starts in its own community and, visiting the actors in a seeded random order, joins
 * the community that weighs most among its neighbours, until no actor moves or after {@link #MAX_ROUNDS}. Ties
 * keep the current community, else take the lowest, so the same seed gives the same communities. Near-linear
 * (O(E) a round), where JGraphT's LabelPropagationClustering builds sets of vertex objects per community.
 */
final class Communities {
    static final int MAX_ROUNDS = 30;

    private Communities() {
    }

    /** For each vertex, the vertex whose label its community carries (its lowest member at the start). */
    static int[] labels(CompactGraph g, long seed) {
        int n = g.vertices();
        int[] label = new int[n];
        int[] order = new int[n];
        for (int v = 0; v < n; v++) {
            label[v] = v;
            order[v] = v;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] weightOf = new double[n];
        int[] touched = new int[n];
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = false;
            for (int v : order) {
                int count = 0;
                for (int e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
                    count = add(label[g.target[e]], g.weight[e], weightOf, touched, count);
                }
                for (int j = g.inStart[v]; j < g.inStart[v + 1]; j++) {
                    int e = g.inEdges[j];
                    count = add(label[g.source[e]], g.weight[e], weightOf, touched, count);
                }
                if (count == 0) {
                    continue;
                }
                double max = 0;
                for (int i = 0; i < count; i++) {
                    max = Math.max(max, weightOf[touched[i]]);
                }
                int best = label[v];
                if (weightOf[best] < max) {
                    best = Integer.MAX_VALUE;
                    for (int i = 0; i < count; i++) {
                        if (weightOf[touched[i]] == max) {
                            best = Math.min(best, touched[i]);
                        }
                    }
                }
                for (int i = 0; i < count; i++) {
                    weightOf[touched[i]] = 0;
                }
                if (best != label[v]) {
                    label[v] = best;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return label;
    }

    private static int add(int l, double w, double[] weightOf, int[] touched, int count) {
        if (weightOf[l] == 0) {
            touched[count++] = l;
        }
        weightOf[l] += w;
        return count;
    }
}
