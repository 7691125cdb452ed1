package org.openiru.text.lexicon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Aho-Corasick automaton over token keys rather than characters: patterns are sequences of whole words,
 * so a match always starts and ends on a word boundary, and one pass over the tokens finds every
 * pattern, however many there are. Immutable once built; safe to share between threads.
 *
 * @param <V> what a pattern stands for
 */
public final class AhoCorasick<V> {

    private final Map<String, Integer> symbols;
    /**
     * goto function as an open-addressing table: edge key {@code state << 32 | symbol} (never negative; -1
     * marks a free slot) → next state. Primitive arrays, so a step boxes nothing.
     */
    private final long[] edgeKeys;
    private final int[] edgeTargets;
    private final int[] failure;
    /** Patterns ending at each state, including those reached through failure links. */
    private final List<List<Pattern<V>>> outputs;

    private AhoCorasick(Map<String, Integer> symbols, Map<Long, Integer> transitions, int[] failure,
                        List<List<Pattern<V>>> outputs) {
        this.symbols = symbols;
        int size = Integer.highestOneBit(Math.max(1, transitions.size()) * 2) * 2; // load factor ≤ 1/2
        this.edgeKeys = new long[size];
        this.edgeTargets = new int[size];
        Arrays.fill(edgeKeys, -1);
        transitions.forEach((edge, to) -> {
            int slot = slot(edge);
            while (edgeKeys[slot] != -1) {
                slot = (slot + 1) & (size - 1);
            }
            edgeKeys[slot] = edge;
            edgeTargets[slot] = to;
        });
        this.failure = failure;
        this.outputs = outputs;
    }

    /** A pattern of {@code length} words standing for {@code value}. */
    public record Pattern<V>(int length, V value) {
    }

    /**
     * Calls {@code onMatch(endExclusive, pattern)} for every occurrence in {@code keys}; the match covers
     * tokens {@code [endExclusive - pattern.length(), endExclusive)}.
     */
    public void match(List<String> keys, BiConsumer<Integer, Pattern<V>> onMatch) {
        int state = 0;
        for (int i = 0; i < keys.size(); i++) {
            Integer symbol = symbols.get(keys.get(i));
            if (symbol == null) {
                state = 0; // a word in no pattern: no match can span it
                continue;
            }
            state = next(state, symbol);
            for (Pattern<V> p : outputs.get(state)) {
                onMatch.accept(i + 1, p);
            }
        }
    }

    private int next(int state, int symbol) {
        int s = state;
        while (true) {
            int to = target(edge(s, symbol));
            if (to >= 0) {
                return to;
            }
            if (s == 0) {
                return 0;
            }
            s = failure[s];
        }
    }

    /** The state an edge leads to, or -1 when there is no such edge. */
    private int target(long edge) {
        int slot = slot(edge);
        while (true) {
            long k = edgeKeys[slot];
            if (k == edge) {
                return edgeTargets[slot];
            }
            if (k == -1) {
                return -1;
            }
            slot = (slot + 1) & (edgeKeys.length - 1);
        }
    }

    private int slot(long edge) {
        long h = edge * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & (edgeKeys.length - 1);
    }

    private static long edge(int state, int symbol) {
        return ((long) state << 32) | symbol;
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /** Collects patterns, then builds the automaton once. */
    public static final class Builder<V> {
        private final Map<String, Integer> symbols = new HashMap<>();
        private final Map<Long, Integer> transitions = new HashMap<>();
        private final List<List<Pattern<V>>> outputs = new ArrayList<>(List.of(new ArrayList<>()));
        private final List<List<Integer>> children = new ArrayList<>(List.of(new ArrayList<>()));
        private final List<Integer> symbolOf = new ArrayList<>(List.of(-1));

        public Builder<V> add(List<String> keys, V value) {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("empty pattern");
            }
            int state = 0;
            for (String key : keys) {
                int symbol = symbols.computeIfAbsent(key, k -> symbols.size());
                Integer to = transitions.get(edge(state, symbol));
                if (to == null) {
                    to = outputs.size();
                    outputs.add(new ArrayList<>());
                    children.add(new ArrayList<>());
                    symbolOf.add(symbol);
                    transitions.put(edge(state, symbol), to);
                    children.get(state).add(to);
                }
                state = to;
            }
            outputs.get(state).add(new Pattern<>(keys.size(), value));
            return this;
        }

        public AhoCorasick<V> build() {
            int[] failure = new int[outputs.size()];
            ArrayDeque<int[]> queue = new ArrayDeque<>(); // {state, parent}
            for (int child : children.get(0)) {
                queue.add(new int[] {child, 0});
            }
            AhoCorasick<V> automaton = new AhoCorasick<>(Map.copyOf(symbols), transitions, failure, outputs);
            while (!queue.isEmpty()) {
                int[] entry = queue.poll();
                int state = entry[0];
                int parent = entry[1];
                if (parent != 0) {
                    failure[state] = automaton.next(failure[parent], symbolOf.get(state));
                }
                // Breadth-first order guarantees the failure state's outputs are already complete.
                if (failure[state] != 0) {
                    outputs.get(state).addAll(outputs.get(failure[state]));
                }
                for (int child : children.get(state)) {
                    queue.add(new int[] {child, state});
                }
            }
            outputs.replaceAll(List::copyOf);
            return automaton;
        }
    }
}
