package org.openiru.bench.text;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openiru.text.score.TextScore;
import org.openiru.text.score.TextScorer;

/**
 * Texts scored per CPU-second: {@code threads} threads share one {@link TextScorer} (as the pipeline does)
 * and score the {@link ScoringTexts} for {@code seconds}, after a warm-up of {@value #WARM_UP_TEXTS} texts
 * (counted, not timed: on a loaded machine a timed warm-up ends before the JIT has compiled the hot
 * code). Prints the threads' CPU time per text and the texts per wall-clock second. On the shared machine JMH's wall-clock
 * figure depends on the other builds; CPU time per text does much less, and 1,000,000 / (µs per text) × 2
 * is what two free cores would score.
 *
 * <p>Usage: {@code java -cp openiru-bench.jar org.openiru.bench.text.ScoringLoadTool [threads=2] [seconds=10]}
 */
public final class ScoringLoadTool {

    private static final int WARM_UP_TEXTS = 60_000;

    private ScoringLoadTool() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String[] texts = ScoringTexts.load();
        TextScorer scorer = TextScorer.loadDefault();
        System.out.printf("%d texts, average %.0f chars, %d threads, %d s after scoring %,d texts to warm up%n",
                texts.length, ScoringTexts.averageChars(texts), threads, seconds, WARM_UP_TEXTS);
        run(scorer, texts, threads, Long.MAX_VALUE, WARM_UP_TEXTS / threads, false);
        run(scorer, texts, threads, seconds * 1_000_000_000L, Long.MAX_VALUE, true);
    }

    /** Scores until {@code nanos} have passed or each thread has scored {@code perThread} texts. */
    private static void run(TextScorer scorer, String[] texts, int threads, long nanos, long perThread,
                            boolean report) throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicLong scored = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        AtomicLong checksum = new AtomicLong();
        long wallStart = System.nanoTime();
        long wallEnd = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : wallStart + nanos;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * texts.length / threads;
            Thread worker = new Thread(() -> {
                long start = cpu.getCurrentThreadCpuTime();
                long count = 0;
                long sum = 0;
                while (System.nanoTime() < wallEnd && count < perThread) {
                    for (int k = 0; k < 100; k++, count++) {
                        TextScore s = scorer.score(texts[(int) ((offset + count) % texts.length)]);
                        sum += s.priority();
                    }
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - start);
                scored.addAndGet(count);
                checksum.addAndGet(sum);
            }, "scorer-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        if (report) {
            double microsPerText = cpuNanos.get() / 1e3 / scored.get();
            System.out.printf("%,d texts: %.1f µs CPU per text (%,.0f texts per CPU-second; %,.0f per second on 2 free"
                            + " cores), %,.0f texts per wall-clock second, load average %.1f (checksum %d)%n",
                    scored.get(), microsPerText, 1e6 / microsPerText, 2e6 / microsPerText, scored.get() / wall,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), checksum.get());
        }
    }
}
