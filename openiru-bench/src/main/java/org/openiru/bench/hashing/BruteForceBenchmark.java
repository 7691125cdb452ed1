package org.openiru.bench.hashing;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.index.BruteForceIndex;
import org.openiru.hashing.index.Match;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** The linear scan over the same 1M hashes as {@link IndexBenchmark}, for comparison. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(2)
public class BruteForceBenchmark {

    private static final int ENTRIES = 1_000_000;
    private static final int DISTANCE = 31;

    private BruteForceIndex index;
    private Hash256[] queries;

    @Setup
    public void build() {
        BenchHashes data = new BenchHashes(ENTRIES, 42);
        queries = data.queries(10_000, 7);
        index = new BruteForceIndex();
        data.addAllTo(index);
    }

    @Benchmark
    public List<Match> bruteForceLookup(QueryCursor cursor) {
        return index.query(cursor.next(queries), DISTANCE);
    }
}
