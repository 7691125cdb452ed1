package org.openiru.hashing.index;

import java.util.Comparator;

/** One indexed entry found by a query, and its Hamming distance to the query. */
public record Match(long id, int distance) {

    /** Results are listed nearest first, then by id. */
    public static final Comparator<Match> ORDER =
            Comparator.comparingInt(Match::distance).thenComparingLong(Match::id);
}
