package org.openiru.bench.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.bench.ProcessCpu;
import org.openiru.ingest.Progress;
import org.openiru.ingest.Source;
import org.openiru.ingest.telegram.TelegramImporter;
import org.openiru.platform.PlatformInput;

/**
 * Ingests a synthetic Telegram export into a fresh embedded PostgreSQL under a temporary data directory,
 * twice: the first run stores everything, the second finds only duplicates. Prints both times, the counts
 * and the peak heap. Run it with the heap the target names:
 *
 * <p>{@code java -Xmx512m -cp openiru-bench.jar org.openiru.bench.ingest.IngestLoadTool [messages=1000000]
 * [channels=50]}
 */
public final class IngestLoadTool {

    private IngestLoadTool() {
    }

    public static void main(String[] args) throws Exception {
        long messages = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path work = Files.createTempDirectory("openiru-ingest-bench");
        long t0 = System.nanoTime();
        Path export = TelegramExportGenerator.generate(work.resolve("export"), messages, channels, 1);
        System.out.printf("export: %,d messages, %d channels, %,d MB, written in %.1f s%n", messages, channels,
                Files.size(export) >> 20, (System.nanoTime() - t0) / 1e9);

        OpenIruConfig config = OpenIruConfig.from(Map.of("OPENIRU_DATA_DIR", work.resolve("data").toString(),
                "OPENIRU_WORKER_THREADS", "0"), new Properties());
        try (OpenIru app = OpenIru.open(config)) {
            app.platforms.create(Actor.system("bench"), new PlatformInput("telegram", "Telegram", "messaging",
                    List.of("t.me", "telegram.me"), "", "", "", List.of("en"), "", ""));
            run(app, export, "first ingest");
            run(app, export, "re-ingest (all duplicates)");
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap used %,d MB of max %,d MB; data in %s%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, work);
    }

    /** Wall time, and CPU time of this JVM and of PostgreSQL: the machine may be shared, CPU time is not. */
    private static void run(OpenIru app, Path export, String what) throws Exception {
        long t = System.nanoTime();
        ProcessCpu cpu = new ProcessCpu(app.config.dataDir());
        Source s = app.telegram.importExport(Actor.system("bench"), export, TelegramImporter.Options.defaults(),
                Progress.NONE);
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("%s: %.1f s, %,.0f items/s, %s, status %s; CPU: %s%n", what,
                seconds, (s.newCount() + s.updatedCount() + s.duplicateCount()) / seconds, s.summary(), s.status(),
                cpu.since());
    }
}
