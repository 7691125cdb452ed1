package org.openiru.bench.hashing;

import java.util.concurrent.TimeUnit;
import org.openiru.hashing.index.MultiIndexHashIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time to build the multi-index from a list of hashes (single shot: each build is seconds long). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class IndexBuildBenchmark {

    @Param({"1000000", "10000000"})
    public int entries;

    private BenchHashes data;

    @Setup
    public void generate() {
        data = new BenchHashes(entries, 42);
    }

    @Benchmark
    public MultiIndexHashIndex build() {
        return data.buildMultiIndex();
    }
}
