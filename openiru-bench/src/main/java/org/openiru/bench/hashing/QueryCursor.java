package org.openiru.bench.hashing;

import org.openiru.hashing.Hash256;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Each benchmark thread walks the queries from its own start. */
@State(Scope.Thread)
public class QueryCursor {

    private int next = (int) (Thread.currentThread().getId() * 7919);

    Hash256 next(Hash256[] queries) {
        return queries[Math.floorMod(next++, queries.length)];
    }
}
