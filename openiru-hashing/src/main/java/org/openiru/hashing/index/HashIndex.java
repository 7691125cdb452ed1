package org.openiru.hashing.index;

import java.util.ArrayList;
import java.util.List;
import org.openiru.hashing.Hash256;

/**
 * A set of (256-bit hash, id) entries searchable by Hamming distance. The same pair may be added
 * more than once; each copy is an entry. Implementations are safe for concurrent queries while one
 * or more threads add and remove; a completed add or remove is seen by every query that starts
 * after it.
 */
public interface HashIndex {

    void add(Hash256 hash, long id);

    /** Removes one entry with this hash and id; false if there was none. */
    boolean remove(Hash256 hash, long id);

    /** Every entry within {@code maxDistance} (0..256) of {@code query}, sorted by {@link Match#ORDER}. */
    List<Match> query(Hash256 query, int maxDistance);

    /** {@link #query} for each hash, in order. */
    default List<List<Match>> queryAll(List<Hash256> queries, int maxDistance) {
        List<List<Match>> results = new ArrayList<>(queries.size());
        for (Hash256 q : queries) {
            results.add(query(q, maxDistance));
        }
        return results;
    }

    int size();

    static void checkDistance(int maxDistance) {
        if (maxDistance < 0 || maxDistance > Hash256.BITS) {
            throw new IllegalArgumentException("distance must be 0..256, got " + maxDistance);
        }
    }
}
