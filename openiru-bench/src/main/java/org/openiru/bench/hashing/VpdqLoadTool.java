package org.openiru.bench.hashing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.openiru.hashing.video.VideoHashOptions;
import org.openiru.hashing.video.VideoHasher;
import org.openiru.hashing.video.VpdqFrame;

/**
 * vPDQ speed as "times real time" on one thread: seconds of video hashed per wall-clock second and
 * per CPU-second of the hashing thread. FFmpeg decodes on that same thread, so its CPU time counts,
 * and the CPU figure stays meaningful on a shared, loaded machine where wall time does not.
 *
 * <p>Arguments: seconds per hash (default 1; 0 = every frame), rounds per video (default 5).
 */
public final class VpdqLoadTool {

    private static final List<String> VIDEOS = List.of("chair-19-sd-bar", "chair-22-sd-grey-bar",
            "chair-22-with-small-logo-bar", "doorknob-hd-no-bar", "pattern-sd-grey-bar", "test-padded-dimensions");

    private VpdqLoadTool() {}

    public static void main(String[] args) throws Exception {
        double secondsPerHash = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        VideoHasher hasher = new VideoHasher(VideoHashOptions.defaults().everySeconds(secondsPerHash));
        VideoHasher everyFrame = new VideoHasher(VideoHashOptions.defaults().everyFrame());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double totalVideo = 0;
        double totalWall = 0;
        double totalCpu = 0;
        System.out.printf("%-30s %8s %8s %8s %10s %10s%n", "video", "length s", "wall ms", "cpu ms", "x rt wall",
                "x rt cpu");
        for (String name : VIDEOS) {
            Path file = BenchFiles.vpdq("videos/" + name + ".mp4");
            double length = length(everyFrame.hash(file)); // doubles as the warm-up
            hasher.hash(file);
            long wallStart = System.nanoTime();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                hasher.hash(file);
            }
            double wall = (System.nanoTime() - wallStart) / 1e9 / rounds;
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9 / rounds;
            System.out.printf("%-30s %8.2f %8.0f %8.0f %10.1f %10.1f%n", name, length, wall * 1000,
                    cpuSeconds * 1000, length / wall, length / cpuSeconds);
            totalVideo += length;
            totalWall += wall;
            totalCpu += cpuSeconds;
        }
        System.out.printf("%-30s %8.2f %8.0f %8.0f %10.1f %10.1f%n", "all", totalVideo, totalWall * 1000,
                totalCpu * 1000, totalVideo / totalWall, totalVideo / totalCpu);
    }

    /** Frame count times the frame interval, from an every-frame hash. */
    private static double length(List<VpdqFrame> frames) {
        double interval = frames.get(1).timestampSeconds() - frames.get(0).timestampSeconds();
        return frames.size() * interval;
    }
}
