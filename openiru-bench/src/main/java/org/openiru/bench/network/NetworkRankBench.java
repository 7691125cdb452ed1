package org.openiru.bench.network;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.bench.ProcessCpu;
import org.openiru.network.Network;
import org.openiru.network.SyntheticNetwork;
import org.openiru.platform.PlatformInput;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The ranking run of issue 8's speed target (200,000 actors, 2,000,000 edges, ≤ 60 s): fills a fresh embedded
 * database with a {@link SyntheticNetwork} [synthetic] written by COPY straight into actors and network_edges
 * (not timed), then times {@link Network#rankOnly}: reading the edges, PageRank, sampled betweenness, communities,
 * case statistics and writing every actor's rank. Prints wall time, CPU time of this JVM, of the ranking thread
 * and of PostgreSQL, and the peak heap. Arguments: actors (200000), edges per actor (10), betweenness sources
 * (256), seed (8).
 */
public final class NetworkRankBench {
    private NetworkRankBench() {
    }

    public static void main(String[] args) throws Exception {
        int actors = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int perActor = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int pivots = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 8;
        Path work = Files.createTempDirectory("openiru-network-bench");
        OpenIruConfig config = OpenIruConfig.from(Map.of("OPENIRU_DATA_DIR", work.resolve("data").toString(),
                "OPENIRU_WORKER_THREADS", "0"), new Properties());
        try (OpenIru app = OpenIru.open(config)) {
            long platform = app.platforms.create(Actor.system("bench"), new PlatformInput("telegram", "Telegram",
                    "messaging", List.of("t.me"), "", "", "", List.of("en"), "", "")).id();
            SyntheticNetwork synthetic = new SyntheticNetwork(actors, Math.max(1, actors / 10_000), seed);
            long t0 = System.nanoTime();
            long edges = fill(app, synthetic, platform, perActor);
            System.out.printf("filled: %,d actors, %,d edges in %.1f s (not timed)%n", actors, edges,
                    (System.nanoTime() - t0) / 1e9);
            app.db.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE network_edges"));

            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            System.gc();
            long heapBefore = heapUsed();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long thread0 = threads.getCurrentThreadCpuTime();
            ProcessCpu cpu = new ProcessCpu(app.config.dataDir());
            long t1 = System.nanoTime();
            Network.Rebuild r = app.network.rankOnly(Actor.system("bench"), pivots);
            double wall = (System.nanoTime() - t1) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("ranked: %,d actors, %,d actor pairs, %d betweenness sources: %.1f s wall "
                            + "(read %.1f s, compute %.1f s, write %.1f s); CPU: ranking thread %.1f s, %s%n",
                    r.actors(), r.edges(), pivots, wall, r.loadMillis() / 1e3, r.computeMillis() / 1e3,
                    r.writeMillis() / 1e3, (threads.getCurrentThreadCpuTime() - thread0) / 1e9, cpu.since());
            System.out.printf("heap: %,d MB used before, peak %,d MB during (max %,d MB); data in %s%n",
                    heapBefore >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, work);
        }
    }

    private static long heapUsed() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Actors and edges by COPY; returns the number of edges. */
    private static long fill(OpenIru app, SyntheticNetwork synthetic, long platform, int perActor) throws Exception {
        return app.db.jdbi().inTransaction(h -> {
            Connection c = h.getConnection();
            PGConnection pg = c.unwrap(PGConnection.class);
            try (PGCopyOutputStream copy = new PGCopyOutputStream(pg,
                    "COPY actors (platform_id, external_id, handle, display_name, kind) FROM STDIN")) {
                for (int a = 0; a < synthetic.actors(); a++) {
                    copy.write((platform + "\tsynthetic_channel_" + a + "\t" + synthetic.handle(a) + "\tChannel " + a
                            + " [synthetic]\tchannel\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            long firstId = h.createQuery("SELECT min(id) FROM actors").mapTo(Long.class).one();
            long[] count = {0};
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            try (PGCopyOutputStream copy = new PGCopyOutputStream(pg, "COPY network_edges (source_actor_id, "
                    + "target_actor_id, kind, weight, first_at, last_at) FROM STDIN", 1 << 16)) {
                synthetic.forEachEdge(perActor, (s, t, kind, weight) -> {
                    Instant first = start.plusSeconds(60L * (s % 100_000));
                    copy.write(((firstId + s) + "\t" + (firstId + t) + "\t" + SyntheticNetwork.KINDS.get(kind) + "\t"
                            + weight + "\t" + first + "\t" + first.plusSeconds(3600L * weight) + "\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    count[0]++;
                });
            }
            return count[0];
        });
    }
}
