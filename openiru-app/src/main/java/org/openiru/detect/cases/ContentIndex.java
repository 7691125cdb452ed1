package org.openiru.detect.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.index.HashIndex;
import org.openiru.hashing.index.Match;
import org.openiru.hashing.index.MultiIndexHashIndex;
import org.openiru.text.simhash.SimHash;

/**
 * The content keys of every clustered item, in memory, so that an item's copies are found without comparing it to
 * every other item: files by SHA-256 (a hash map), pictures by PDQ within a distance (openiru-hashing's
 * multi-index {@link HashIndex}, the one the banks use) and texts by SimHash within {@link SimHash#MAX_DISTANCE}
 * bits ({@link TextBands}). Thread-safe: one lock; clustering is a small part of the pipeline's work.
 */
public final class ContentIndex {
    /** How a copy was recognised, best first. */
    public static final List<String> WAYS = List.of("sha256", "pdq", "text");

    /** What an item is indexed by. {@code simhash} null: the text is too short to compare (see docs). */
    public record Keys(List<String> sha256s, List<String> pdqs, Long simhash) {
        public Keys {
            sha256s = List.copyOf(sha256s);
            pdqs = List.copyOf(pdqs);
        }
    }

    /** Another item carrying the same content, and how near it is (0 for the same file). */
    public record Neighbour(long itemId, String how, int distance) {
        static final Comparator<Neighbour> BEST_FIRST = Comparator.<Neighbour>comparingInt(n -> WAYS.indexOf(n.how()))
                .thenComparingInt(Neighbour::distance).thenComparingLong(Neighbour::itemId);
    }

    private final Map<String, Ids> bySha = new HashMap<>();
    private final HashIndex pdq = new MultiIndexHashIndex();
    private final TextBands text = new TextBands();
    private final Map<Long, Keys> keysOf = new HashMap<>();
    private final Map<Long, Integer> textSlot = new HashMap<>();

    /** Indexes the item by these keys, replacing the keys it had. */
    public synchronized void put(long itemId, Keys keys) {
        Keys old = keysOf.put(itemId, keys);
        if (old != null) {
            unindex(itemId, old);
        }
        for (String sha : keys.sha256s()) {
            bySha.computeIfAbsent(sha, k -> new Ids()).add(itemId);
        }
        for (String p : keys.pdqs()) {
            pdq.add(Hash256.fromHex(p), itemId);
        }
        if (keys.simhash() != null) {
            textSlot.put(itemId, text.add(keys.simhash(), itemId));
        }
    }

    public synchronized int size() {
        return keysOf.size();
    }

    /**
     * The other items that carry the same file, a picture within {@code pdqDistance} of one of its pictures, or a
     * near-duplicate text; each item once, by its best way, best first, at most {@code limit}.
     */
    public synchronized List<Neighbour> neighbours(long itemId, Keys keys, int pdqDistance, int limit) {
        Map<Long, Neighbour> best = new HashMap<>();
        for (String sha : keys.sha256s()) {
            Ids ids = bySha.get(sha);
            // a file in thousands of items (a channel's logo) needs no more than limit of them: all are one content
            for (int i = 0; ids != null && i < Math.min(ids.size, limit + 1); i++) {
                offer(best, itemId, new Neighbour(ids.ids[i], "sha256", 0));
            }
        }
        for (String p : keys.pdqs()) {
            for (Match m : pdq.query(Hash256.fromHex(p), pdqDistance)) {
                offer(best, itemId, new Neighbour(m.id(), "pdq", m.distance()));
            }
        }
        if (keys.simhash() != null) {
            text.query(keys.simhash(), SimHash.MAX_DISTANCE, (id, d) -> offer(best, itemId, new Neighbour(id, "text", d)));
        }
        List<Neighbour> out = new ArrayList<>(best.values());
        out.sort(Neighbour.BEST_FIRST);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static void offer(Map<Long, Neighbour> best, long self, Neighbour n) {
        if (n.itemId() != self) {
            best.merge(n.itemId(), n, (a, b) -> Neighbour.BEST_FIRST.compare(a, b) <= 0 ? a : b);
        }
    }

    private void unindex(long itemId, Keys old) {
        for (String sha : old.sha256s()) {
            Ids ids = bySha.get(sha);
            if (ids != null && ids.remove(itemId) == 0) {
                bySha.remove(sha);
            }
        }
        for (String p : old.pdqs()) {
            pdq.remove(Hash256.fromHex(p), itemId);
        }
        Integer slot = textSlot.remove(itemId);
        if (slot != null) {
            text.remove(slot);
        }
    }

    /** The items of one file: a growable array (a boxed set per file would triple the memory at a million). */
    private static final class Ids {
        private long[] ids = new long[1];
        private int size;

        void add(long id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        /** Removes one occurrence; returns how many are left. */
        int remove(long id) {
            for (int i = 0; i < size; i++) {
                if (ids[i] == id) {
                    ids[i] = ids[--size];
                    break;
                }
            }
            return size;
        }
    }
}
