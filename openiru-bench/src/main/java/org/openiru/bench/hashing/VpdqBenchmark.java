package org.openiru.bench.hashing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openiru.hashing.video.VideoHashOptions;
import org.openiru.hashing.video.VideoHasher;
import org.openiru.hashing.video.VpdqFrame;
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

/**
 * vPDQ of a whole file on one thread (FFmpeg decodes with one thread too): open, decode every
 * frame, convert and hash one frame per second (or every frame). Times per video; divide the
 * video's length by it for "times real time" (see docs/benchmarks-hashing.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class VpdqBenchmark {

    @Param({"chair-19-sd-bar", "chair-22-sd-grey-bar", "doorknob-hd-no-bar", "pattern-sd-grey-bar",
            "test-padded-dimensions"})
    public String video;

    /** 1: Meta's default, one frame per second; 0: every frame. */
    @Param({"1", "0"})
    public double secondsPerHash;

    private Path file;
    private VideoHasher hasher;

    @Setup
    public void open() {
        file = BenchFiles.vpdq("videos/" + video + ".mp4");
        hasher = new VideoHasher(VideoHashOptions.defaults().everySeconds(secondsPerHash));
    }

    @Benchmark
    public List<VpdqFrame> hashVideo() throws Exception {
        return hasher.hash(file);
    }
}
