package org.openiru.bench.hashing;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.index.HashIndex;
import org.openiru.hashing.index.Match;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact lookups at distance 31 over synthetic hashes (half random, half clusters of near-duplicates)
 * with the multi-index; {@code BruteForceBenchmark} is the linear scan for comparison. Two query
 * threads, as the target machine has two cores; 2 GB heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(2)
public class IndexBenchmark {

    private static final int DISTANCE = 31;

    @Param({"1000000", "10000000"})
    public int entries;

    private HashIndex index;
    private Hash256[] queries;

    @Setup(Level.Trial)
    public void build() {
        BenchHashes data = new BenchHashes(entries, 42);
        queries = data.queries(10_000, 7);
        index = data.buildMultiIndex();
    }

    @Benchmark
    public List<Match> multiIndexLookup(QueryCursor cursor) {
        return index.query(cursor.next(queries), DISTANCE);
    }
}
