package org.openiru.bench.hashing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.index.MultiIndexHashIndex;

/**
 * Builds a multi-index over N synthetic hashes and reports build time, heap in use after a full GC,
 * and exact-lookup throughput at distance 31 with T query threads, plus an add/remove check.
 *
 * <p>Usage: {@code java -Xmx2g -cp openiru-bench.jar org.openiru.bench.hashing.IndexLoadTool
 * [entries=10000000] [threads=2] [seconds=20]}
 */
public final class IndexLoadTool {

    private static final int DISTANCE = 31;

    private IndexLoadTool() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long t0 = System.nanoTime();
        BenchHashes data = new BenchHashes(entries, 42);
        Hash256[] queries = data.queries(100_000, 7);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        MultiIndexHashIndex index = data.buildMultiIndex();
        long t2 = System.nanoTime();
        // CPU time of the whole process (the build uses all cores), steadier than wall time when shared.
        System.out.printf("generated %,d hashes in %.1f s; built the index in %.1f s wall, %.1f CPU-s%n",
                entries, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (os.getProcessCpuTime() - cpu1) / 1e9);

        data = null; // only the index stays reachable
        System.gc();
        System.out.printf("heap in use after GC, index only: %,d MB (max heap %,d MB)%n",
                memory.getHeapMemoryUsage().getUsed() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);

        runQueries(index, queries, 1, Math.max(3, seconds / 4)); // warm-up
        runQueries(index, queries, threads, seconds);

        Hash256 fresh = Hash256.ofWords(1, 2, 3, 4);
        index.add(fresh, -1);
        boolean seen = index.query(fresh, 0).stream().anyMatch(m -> m.id() == -1);
        index.remove(fresh, -1);
        boolean gone = index.query(fresh, 0).stream().noneMatch(m -> m.id() == -1);
        System.out.printf("add visible to the next query: %s; remove visible: %s%n", seen, gone);
    }

    private static void runQueries(MultiIndexHashIndex index, Hash256[] queries, int threads, int seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        AtomicLong matches = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        Future<?>[] workers = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            int offset = t * 7919;
            workers[t] = pool.submit(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                for (int q = offset; System.nanoTime() < end; q++) {
                    matches.addAndGet(index.query(queries[q % queries.length], DISTANCE).size());
                    done.incrementAndGet();
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
            });
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        // Per CPU-second as well as per wall-second: on a shared machine the first is the stable figure.
        System.out.printf("%d thread(s): %,d lookups at distance %d in %.1f s = %,.0f lookups/s wall,"
                        + " %,.0f lookups per CPU-second (%.1f matches each)%n",
                threads, done.get(), DISTANCE, elapsed, done.get() / elapsed,
                done.get() / (cpuNanos.get() / 1e9), matches.get() / (double) done.get());
    }
}
