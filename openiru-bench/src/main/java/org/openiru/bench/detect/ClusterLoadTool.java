package org.openiru.bench.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openiru.bench.ProcessCpu;
import org.openiru.detect.cases.CaseClustering;
import org.openiru.detect.cases.ContentIndex;
import org.openiru.detect.cases.TextPrint;

/**
 * Case clustering of {@code n} synthetic items (default 1,000,000) with planted groups of copies, through the same
 * {@link ContentIndex} and {@link TextPrint} the pipeline uses: for each item in turn its text is normalised and
 * SimHashed, its copies are looked up (same file, PDQ within {@value CaseClustering#PDQ_DISTANCE}, text within 6
 * bits), it takes the cluster of its best copy or starts one, and it is added to the index. The database writes of
 * the app (one row per item, the cases) are not in this figure: see docs/benchmarks.md.
 *
 * <p>Items: 20 % in planted groups of 2 to 10 copies, a third each sharing a file (SHA-256), a picture (PDQ with up
 * to 12 of 256 bits flipped, another file) or a text (one word of 50-70 changed from the group's first text); the
 * rest unique, half with a file (60 % of files pictures with a PDQ), one in ten with a short text (under 20 words,
 * never compared). Generation is not timed. Prints the CPU time of the clustering thread and of the whole JVM
 * (GC and the PDQ index's background merges included), and how well the planted groups were found.
 *
 * <p>Usage: {@code java -Xmx6g -cp openiru-bench.jar org.openiru.bench.detect.ClusterLoadTool [items] [seed]}
 */
public final class ClusterLoadTool {
    private static final int VOCABULARY = 5000;
    private static final int LIMIT = 50;

    private ClusterLoadTool() {
    }

    /** One synthetic item; {@code group} is its planted group, or -1 when it has no copy. */
    private record Item(String text, String sha256, String pdq, int group, char kind) {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261202L;
        long g0 = System.nanoTime();
        List<Item> items = generate(n, seed);
        System.out.printf("%,d items generated in %.1f s (not timed)%n", n, (System.nanoTime() - g0) / 1e9);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long jvm0 = ProcessCpu.of(ProcessHandle.current()).toNanos();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        ContentIndex index = new ContentIndex();
        int[] cluster = new int[n];
        int clusters = 0;
        long comparableTexts = 0;
        for (int i = 0; i < n; i++) {
            Item it = items.get(i);
            TextPrint print = TextPrint.of(it.text());
            comparableTexts += print.comparable() ? 1 : 0;
            ContentIndex.Keys keys = new ContentIndex.Keys(it.sha256() == null ? List.of() : List.of(it.sha256()),
                    it.pdq() == null ? List.of() : List.of(it.pdq()), print.comparable() ? print.simhash() : null);
            List<ContentIndex.Neighbour> copies = index.neighbours(i, keys, CaseClustering.PDQ_DISTANCE, LIMIT);
            cluster[i] = copies.isEmpty() ? clusters++ : cluster[(int) copies.get(0).itemId()];
            index.put(i, keys);
            if ((i + 1) % 200_000 == 0) {
                System.out.printf("  %,d items: %.1f s CPU%n", i + 1, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
            }
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double jvm = (ProcessCpu.of(ProcessHandle.current()).toNanos() - jvm0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf("clustered %,d items into %,d clusters: %.1f s CPU (clustering thread), %.1f s CPU (JVM), "
                + "%.1f s wall; %.1f µs CPU per item; %,d texts long enough to compare%n", n, clusters, cpu, jvm, wall,
                cpu * 1e6 / n, comparableTexts);
        report(items, cluster);
    }

    /** Recall of each kind of planted group, and clusters that merged different contents. */
    private static void report(List<Item> items, int[] cluster) {
        Map<Integer, Map<Integer, Integer>> byGroup = new HashMap<>();
        Map<Integer, Character> kindOf = new HashMap<>();
        Map<Integer, Integer> contentOfCluster = new HashMap<>();
        int merged = 0;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            int content = it.group() >= 0 ? it.group() : -1 - i;
            Integer seen = contentOfCluster.putIfAbsent(cluster[i], content);
            if (seen != null && seen != content) {
                merged++;
            }
            if (it.group() >= 0) {
                byGroup.computeIfAbsent(it.group(), g -> new HashMap<>()).merge(cluster[i], 1, Integer::sum);
                kindOf.put(it.group(), it.kind());
            }
        }
        for (char kind : new char[] {'s', 'p', 't'}) {
            long copies = 0;
            long found = 0;
            for (Map.Entry<Integer, Map<Integer, Integer>> g : byGroup.entrySet()) {
                if (kindOf.get(g.getKey()) == kind) {
                    copies += g.getValue().values().stream().mapToInt(Integer::intValue).sum();
                    found += g.getValue().values().stream().mapToInt(Integer::intValue).max().orElse(0);
                }
            }
            System.out.printf("planted %s groups: %,d items, %,d (%.2f %%) in their group's main cluster%n",
                    kind == 's' ? "same-file" : kind == 'p' ? "PDQ" : "text", copies, found, 100.0 * found / copies);
        }
        System.out.printf("items put in a cluster of other content: %,d%n", merged);
    }

    private static List<Item> generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] words = new String[VOCABULARY];
        for (int w = 0; w < VOCABULARY; w++) {
            words[w] = word(r);
        }
        List<Item> items = new ArrayList<>(n);
        int group = 0;
        while (items.size() < n) {
            if (r.nextInt(100) < 4) {
                int size = Math.min(n - items.size(), 2 + r.nextInt(9));
                char kind = "spt".charAt(group % 3);
                String base = text(r, words, 50 + r.nextInt(21));
                String sha = hex(r, 64);
                String pdq = hex(r, 64);
                for (int m = 0; m < size; m++) {
                    switch (kind) {
                        case 's' -> items.add(new Item(text(r, words, 50 + r.nextInt(21)), sha, null, group, kind));
                        case 'p' -> items.add(new Item(text(r, words, 50 + r.nextInt(21)), hex(r, 64),
                                m == 0 ? pdq : flip(r, pdq, r.nextInt(13)), group, kind));
                        default -> items.add(new Item(m == 0 ? base : changeOneWord(r, words, base), null, null,
                                group, kind));
                    }
                }
                group++;
            } else {
                String text = r.nextInt(10) == 0 ? text(r, words, 3 + r.nextInt(15)) : text(r, words, 50 + r.nextInt(21));
                boolean file = r.nextBoolean();
                items.add(new Item(text, file ? hex(r, 64) : null, file && r.nextInt(10) < 6 ? hex(r, 64) : null,
                        -1, 'u'));
            }
        }
        return items;
    }

    private static String word(SplittableRandom r) {
        String syllables = "ba da ka la ma na ra sa ta wa ya za ri mo nu se tho qa gha";
        String[] s = syllables.split(" ");
        StringBuilder b = new StringBuilder();
        for (int i = 0, k = 2 + r.nextInt(3); i < k; i++) {
            b.append(s[r.nextInt(s.length)]);
        }
        return b.toString();
    }

    private static String text(SplittableRandom r, String[] words, int count) {
        StringBuilder b = new StringBuilder("[synthetic]");
        for (int i = 0; i < count; i++) {
            b.append(' ').append(words[r.nextInt(words.length)]);
        }
        return b.toString();
    }

    private static String changeOneWord(SplittableRandom r, String[] words, String text) {
        String[] parts = text.split(" ");
        parts[1 + r.nextInt(parts.length - 1)] = words[r.nextInt(words.length)];
        return String.join(" ", parts);
    }

    private static String hex(SplittableRandom r, int chars) {
        StringBuilder b = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            b.append(Character.forDigit(r.nextInt(16), 16));
        }
        return b.toString();
    }

    /** The PDQ (64 hex digits: 256 bits) with {@code bits} distinct bits flipped. */
    private static String flip(SplittableRandom r, String pdq, int bits) {
        char[] c = pdq.toCharArray();
        java.util.Set<Integer> done = new java.util.HashSet<>();
        while (done.size() < bits) {
            int bit = r.nextInt(256);
            if (done.add(bit)) {
                int d = Character.digit(c[bit / 4], 16) ^ (1 << (bit % 4));
                c[bit / 4] = Character.forDigit(d, 16);
            }
        }
        return new String(c);
    }
}
