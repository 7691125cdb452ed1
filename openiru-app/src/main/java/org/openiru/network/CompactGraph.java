package org.openiru.network;

import java.util.Arrays;

/**
 * The distributor network in a few flat arrays (compressed sparse rows), so that 200,000 actors and 2,000,000
 * edges take about 40 MB instead of the several hundred an object graph would: vertex {@code v} is the actor
 * {@code actorIds[v]} (ascending); the edges of {@code v} are {@code outStart[v] .. outStart[v+1]-1}, each with
 * its target and weight; {@code inEdges[inStart[v] .. inStart[v+1]-1]} are the ids of the edges into {@code v}.
 * One edge per ordered pair of actors: the kinds are summed with their {@link EdgeKinds#FACTORS factors}.
 */
final class CompactGraph {
    final long[] actorIds;
    final int[] outStart;
    final int[] source;
    final int[] target;
    final double[] weight;
    final int[] inStart;
    final int[] inEdges;

    /**
     * Edges given sorted by source then target, as vertex indexes of {@code actorIds}; the arrays are taken as
     * they are (not copied).
     */
    CompactGraph(long[] actorIds, int[] source, int[] target, double[] weight, int edges) {
        int n = actorIds.length;
        this.actorIds = actorIds;
        this.source = source.length == edges ? source : Arrays.copyOf(source, edges);
        this.target = target.length == edges ? target : Arrays.copyOf(target, edges);
        this.weight = weight.length == edges ? weight : Arrays.copyOf(weight, edges);
        this.outStart = new int[n + 1];
        this.inStart = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            if (e > 0 && this.source[e] < this.source[e - 1]) {
                throw new IllegalArgumentException("edges must be sorted by source");
            }
            outStart[this.source[e] + 1]++;
            inStart[this.target[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            outStart[v + 1] += outStart[v];
            inStart[v + 1] += inStart[v];
        }
        this.inEdges = new int[edges];
        int[] fill = Arrays.copyOf(inStart, n);
        for (int e = 0; e < edges; e++) {
            inEdges[fill[this.target[e]]++] = e;
        }
    }

    int vertices() {
        return actorIds.length;
    }

    int edges() {
        return source.length;
    }

    /** The vertex of an actor, or a negative number when the actor has no edge. */
    int vertexOf(long actorId) {
        return Arrays.binarySearch(actorIds, actorId);
    }
}
