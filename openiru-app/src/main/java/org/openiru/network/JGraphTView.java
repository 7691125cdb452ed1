package org.openiru.network;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * A read-only JGraphT view of a {@link CompactGraph}: vertices and edges are their indexes, boxed only while an
 * algorithm walks them, so JGraphT's algorithms (PageRank) run without an object copy of two million edges.
 */
final class JGraphTView extends AbstractGraph<Integer, Integer> {
    private final CompactGraph g;

    JGraphTView(CompactGraph g) {
        this.g = g;
    }

    /** Integers from {@code from} (inclusive) to {@code to} (exclusive), mapped through {@code ids} if given. */
    private static Set<Integer> range(int from, int to, int[] ids) {
        return new AbstractSet<>() {
            @Override
            public Iterator<Integer> iterator() {
                return new Iterator<>() {
                    private int i = from;

                    @Override
                    public boolean hasNext() {
                        return i < to;
                    }

                    @Override
                    public Integer next() {
                        if (i >= to) {
                            throw new NoSuchElementException();
                        }
                        int v = ids == null ? i : ids[i];
                        i++;
                        return v;
                    }
                };
            }

            @Override
            public int size() {
                return to - from;
            }

            @Override
            public boolean contains(Object o) {
                if (!(o instanceof Integer x)) {
                    return false;
                }
                if (ids == null) {
                    return x >= from && x < to;
                }
                for (int i = from; i < to; i++) {
                    if (ids[i] == x) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    @Override
    public Set<Integer> vertexSet() {
        return range(0, g.vertices(), null);
    }

    @Override
    public Set<Integer> edgeSet() {
        return range(0, g.edges(), null);
    }

    @Override
    public Set<Integer> outgoingEdgesOf(Integer v) {
        return range(g.outStart[v], g.outStart[v + 1], null);
    }

    @Override
    public Set<Integer> incomingEdgesOf(Integer v) {
        return range(g.inStart[v], g.inStart[v + 1], g.inEdges);
    }

    @Override
    public int outDegreeOf(Integer v) {
        return g.outStart[v + 1] - g.outStart[v];
    }

    @Override
    public int inDegreeOf(Integer v) {
        return g.inStart[v + 1] - g.inStart[v];
    }

    @Override
    public int degreeOf(Integer v) {
        return inDegreeOf(v) + outDegreeOf(v);
    }

    @Override
    public Set<Integer> edgesOf(Integer v) {
        java.util.LinkedHashSet<Integer> all = new java.util.LinkedHashSet<>(outgoingEdgesOf(v));
        all.addAll(incomingEdgesOf(v));
        return all;
    }

    @Override
    public Integer getEdgeSource(Integer e) {
        return g.source[e];
    }

    @Override
    public Integer getEdgeTarget(Integer e) {
        return g.target[e];
    }

    @Override
    public double getEdgeWeight(Integer e) {
        return g.weight[e];
    }

    @Override
    public GraphType getType() {
        return new DefaultGraphType.Builder(DefaultGraphType.directedSimple()).weighted(true).modifiable(false)
                .build();
    }

    @Override
    public boolean containsVertex(Integer v) {
        return v != null && v >= 0 && v < g.vertices();
    }

    @Override
    public boolean containsEdge(Integer e) {
        return e != null && e >= 0 && e < g.edges();
    }

    @Override
    public Integer getEdge(Integer s, Integer t) {
        for (int e = g.outStart[s]; e < g.outStart[s + 1]; e++) {
            if (g.target[e] == t) {
                return e;
            }
        }
        return null;
    }

    @Override
    public Set<Integer> getAllEdges(Integer s, Integer t) {
        Integer e = containsVertex(s) && containsVertex(t) ? getEdge(s, t) : null;
        return e == null ? Set.of() : Set.of(e);
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the network graph view is read-only");
    }

    @Override
    public Supplier<Integer> getVertexSupplier() {
        return null;
    }

    @Override
    public Supplier<Integer> getEdgeSupplier() {
        return null;
    }

    @Override
    public Integer addEdge(Integer s, Integer t) {
        throw readOnly();
    }

    @Override
    public boolean addEdge(Integer s, Integer t, Integer e) {
        throw readOnly();
    }

    @Override
    public Integer addVertex() {
        throw readOnly();
    }

    @Override
    public boolean addVertex(Integer v) {
        throw readOnly();
    }

    @Override
    public Integer removeEdge(Integer s, Integer t) {
        throw readOnly();
    }

    @Override
    public boolean removeEdge(Integer e) {
        throw readOnly();
    }

    @Override
    public boolean removeVertex(Integer v) {
        throw readOnly();
    }

    @Override
    public void setEdgeWeight(Integer e, double w) {
        throw readOnly();
    }
}
