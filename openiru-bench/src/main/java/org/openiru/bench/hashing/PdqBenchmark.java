package org.openiru.bench.hashing;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openiru.hashing.pdq.PdqHasher;
import org.openiru.hashing.pdq.PdqImageHasher;
import org.openiru.hashing.pdq.PdqInput;
import org.openiru.hashing.pdq.PdqResult;
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
 * PDQ throughput on one thread: hashing pixels already decoded, and decoding a JPEG plus hashing.
 * Images: the reference photo {@code bridge-mods/aaa-orig.jpg} and its 512x512 copy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class PdqBenchmark {

    @Param({"bridge-mods/aaa-orig.jpg", "bridge-mods/square-512x512.jpg"})
    public String image;

    private final PdqHasher hasher = new PdqHasher();
    private final PdqImageHasher fileHasher = new PdqImageHasher();
    private BufferedImage decoded;
    private byte[] jpeg;

    @Setup
    public void load() throws Exception {
        jpeg = Files.readAllBytes(BenchFiles.pdq(image));
        decoded = ImageIO.read(BenchFiles.pdq(image).toFile());
    }

    @Benchmark
    public PdqResult hashDecodedImage() {
        return hasher.hash(PdqInput.of(decoded));
    }

    @Benchmark
    public PdqResult decodeJpegAndHash() throws Exception {
        return fileHasher.hash(new java.io.ByteArrayInputStream(jpeg), image);
    }
}
