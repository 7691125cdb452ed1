package org.openiru.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Takedown impact (docs/network.md, "Takedown impact"): the network's reach is the total weight of its forward
 * and outlink edges, the paths along which content moves from one actor's audience to another's. Removing an
 * actor cuts every such edge that starts or ends at it. The greedy list picks, step by step, the actor whose
 * removal cuts the most reach not cut yet (a maximum-coverage greedy, within 1 - 1/e of the best set of that
 * size), evaluated lazily: a gain only shrinks as others are picked, so a stale top that is still the best after
 * recomputing is the right pick.
 */
public final class Takedown {
    /** One pick of the greedy list: the actor, the reach its removal adds to the cut, and the cut so far. */
    public record Pick(long actorId, double gain, double cumulativeShare) {
    }

    /** The impact of removing a chosen set, and the greedy best picks. */
    public record Impact(double totalReach, double cutReach, List<Pick> greedy) {
        public double share() {
            return totalReach > 0 ? cutReach / totalReach : 0;
        }
    }

    private Takedown() {
    }

    /** {@code g} holds the reach edges only (forward + outlink weights, one edge per pair). */
    static Impact of(CompactGraph g, Collection<Long> chosen, int k) {
        double total = Arrays.stream(g.weight).sum();
        boolean[] removed = new boolean[g.vertices()];
        for (long id : chosen) {
            int v = g.vertexOf(id);
            if (v >= 0) {
                removed[v] = true;
            }
        }
        double cut = 0;
        for (int e = 0; e < g.edges(); e++) {
            if (removed[g.source[e]] || removed[g.target[e]]) {
                cut += g.weight[e];
            }
        }
        return new Impact(total, cut, greedy(g, k, total));
    }

    private static List<Pick> greedy(CompactGraph g, int k, double total) {
        int n = g.vertices();
        boolean[] cutEdge = new boolean[g.edges()];
        boolean[] picked = new boolean[n];
        PriorityQueue<double[]> queue = new PriorityQueue<>(Math.max(1, n),
                (a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int v = 0; v < n; v++) {
            queue.add(new double[] {gain(g, v, cutEdge), v});
        }
        List<Pick> picks = new ArrayList<>();
        double sum = 0;
        while (picks.size() < k && !queue.isEmpty()) {
            double[] top = queue.poll();
            int v = (int) top[1];
            if (picked[v]) {
                continue;
            }
            double now = gain(g, v, cutEdge);
            if (now <= 0) {
                break;
            }
            double[] next = queue.peek();
            if (next != null && now < next[0]) {
                queue.add(new double[] {now, v});
                continue;
            }
            picked[v] = true;
            for (int e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
                cutEdge[e] = true;
            }
            for (int j = g.inStart[v]; j < g.inStart[v + 1]; j++) {
                cutEdge[g.inEdges[j]] = true;
            }
            sum += now;
            picks.add(new Pick(g.actorIds[v], now, total > 0 ? sum / total : 0));
        }
        return picks;
    }

    private static double gain(CompactGraph g, int v, boolean[] cutEdge) {
        double gain = 0;
        for (int e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
            if (!cutEdge[e]) {
                gain += g.weight[e];
            }
        }
        for (int j = g.inStart[v]; j < g.inStart[v + 1]; j++) {
            int e = g.inEdges[j];
            if (!cutEdge[e]) {
                gain += g.weight[e];
            }
        }
        return gain;
    }
}
