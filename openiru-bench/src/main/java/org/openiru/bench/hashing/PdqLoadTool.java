package org.openiru.bench.hashing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.openiru.hashing.pdq.PdqHasher;
import org.openiru.hashing.pdq.PdqImageHasher;
import org.openiru.hashing.pdq.PdqInput;

/**
 * PDQ images per CPU-second of one thread, for the images of {@link PdqBenchmark}: hashing decoded
 * pixels, and decoding the JPEG plus hashing. On the shared machine JMH's wall-clock scores swing
 * by a factor of two between runs; the thread's CPU time is the steadier figure (as in
 * {@link IndexLoadTool}).
 *
 * <p>Usage: {@code java -cp openiru-bench.jar org.openiru.bench.hashing.PdqLoadTool [seconds=10]}
 */
public final class PdqLoadTool {

    private static final String[] IMAGES = {"bridge-mods/square-512x512.jpg", "bridge-mods/aaa-orig.jpg"};

    private PdqLoadTool() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        PdqHasher hasher = new PdqHasher();
        PdqImageHasher fileHasher = new PdqImageHasher();
        for (String image : IMAGES) {
            byte[] jpeg = Files.readAllBytes(BenchFiles.pdq(image));
            BufferedImage decoded = ImageIO.read(BenchFiles.pdq(image).toFile());
            for (int round = 0; round < 2; round++) { // the first round warms up
                long start = cpu.getCurrentThreadCpuTime();
                long decodedCount = 0;
                for (long end = System.nanoTime() + seconds * 500_000_000L; System.nanoTime() < end; decodedCount++) {
                    hasher.hash(PdqInput.of(decoded));
                }
                long middle = cpu.getCurrentThreadCpuTime();
                long fileCount = 0;
                for (long end = System.nanoTime() + seconds * 500_000_000L; System.nanoTime() < end; fileCount++) {
                    fileHasher.hash(new ByteArrayInputStream(jpeg), image);
                }
                long stop = cpu.getCurrentThreadCpuTime();
                if (round == 1) {
                    System.out.printf("%s (%dx%d): %,.0f decoded images hashed per CPU-second,"
                                    + " %,.0f JPEGs decoded and hashed per CPU-second%n",
                            image, decoded.getWidth(), decoded.getHeight(),
                            decodedCount / ((middle - start) / 1e9), fileCount / ((stop - middle) / 1e9));
                }
            }
        }
    }
}
