package org.openiru.bench.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openiru.campaign.ActionDayFigures;
import org.openiru.campaign.ActionDayFigures.Counts;
import org.openiru.campaign.ActionDayFigures.Row;
import org.openiru.report.ActionDayReport;
import org.openiru.web.Messages;

/**
 * The action day's final PDF at the size of a large action day (issue 8: within 10 s): 9 platforms, 50 entities,
 * 2,000 key actors, a 96-hour timeline, in English and in Arabic. The figures are made here ([synthetic] names, half
 * of the actors with Arabic names): the report renders figures, the query that computes them is timed by the live
 * board's benchmark. Prints, for each run after two warm-up runs, the CPU time of the whole process (with the
 * garbage collector's threads) and of the rendering thread (the machine is shared, so wall time misleads), and the
 * wall time.
 *
 * <pre>java -cp openiru-bench/target/openiru-bench.jar org.openiru.bench.report.ActionDayPdfBench [runs]</pre>
 */
public final class ActionDayPdfBench {
    private static final Instant START = Instant.parse("2026-11-21T06:00:00Z");

    private ActionDayPdfBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ActionDayReport report = new ActionDayReport(Messages.loadAll(ZoneOffset.UTC));
        ActionDayFigures f = figures(9, 50, 2000, 96);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String lang : List.of("en", "ar")) {
            Locale locale = Locale.forLanguageTag(lang);
            for (int w = 0; w < 2; w++) {
                report.pdf(f, locale);
            }
            long maxCpu = 0;
            for (int r = 1; r <= runs; r++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long process0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                byte[] pdf = report.pdf(f, locale);
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long process = os.getProcessCpuTime() - process0;
                long wall = System.nanoTime() - wall0;
                maxCpu = Math.max(maxCpu, process);
                System.out.printf(Locale.ROOT, "%s run %d: CPU %.3f s (rendering thread %.3f s), wall %.3f s, "
                        + "%d bytes%n", lang, r, process / 1e9, cpu / 1e9, wall / 1e9, pdf.length);
            }
            System.out.printf(Locale.ROOT, "%s: worst process CPU %.3f s of %d runs (target: 10 s)%n", lang, maxCpu / 1e9,
                    runs);
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        String csv = report.csv(f, Locale.ENGLISH);
        System.out.printf(Locale.ROOT, "csv: CPU %.3f s, %d characters%n", (threads.getCurrentThreadCpuTime() - cpu0)
                / 1e9, csv.length());
    }

    /** Figures whose rows add up: every platform's share of the items, removals, pendings and rejections. */
    static ActionDayFigures figures(int platforms, int entities, int actors, int hours) {
        List<Row> perPlatform = new ArrayList<>();
        long referred = 0;
        long removed = 0;
        for (int p = 0; p < platforms; p++) {
            long n = 26_000L * (platforms - p) / (platforms * (platforms + 1L) / 2);
            long gone = n * 9 / 10;
            perPlatform.add(new Row(String.valueOf(p + 1), "Platform " + (p + 1) + " [synthetic]",
                    counts(n, gone, n - gone - n / 50, n / 50)));
            referred += n;
            removed += gone;
        }
        List<Row> perEntity = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            long n = referred / entities;
            perEntity.add(new Row("e" + e, (e % 2 == 0 ? "تنظيم تجريبي " : "Synthetic group ") + e, counts(n, n * 9 / 10,
                    n / 10, 0)));
        }
        List<ActionDayFigures.KeyActor> keyActors = new ArrayList<>();
        for (int a = 0; a < actors; a++) {
            keyActors.add(new ActionDayFigures.KeyActor(a + 1, (a % 2 == 0 ? "قناة تجريبية " : "synthetic_channel_") + a,
                    "Platform " + (a % platforms + 1) + " [synthetic]", a + 1, a < 200, 13, a % 13, a % 13 == 0));
        }
        List<ActionDayFigures.TimePoint> timeline = new ArrayList<>();
        for (int h = 1; h <= hours; h++) {
            timeline.add(new ActionDayFigures.TimePoint(START.plus(Duration.ofHours(h)), referred * h / hours,
                    removed * Math.max(0, h - 2) / hours));
        }
        Counts total = counts(referred, removed, referred - removed, 0);
        Instant end = START.plus(Duration.ofHours(hours));
        return new ActionDayFigures(new ActionDayFigures.Day(1, "Referral Action Day [synthetic]", "EU IRU [synthetic]",
                START, end, "closed", START, end, List.of("Unit " + 1, "Unit " + 2), perPlatform.stream()
                .map(Row::label).toList()), end, total, perPlatform, perEntity,
                List.of(new Row("video", "Video", total)), List.of(new Row("1", "Unit 1", total)),
                List.of(new Row("referral", "Referral", total)), keyActors, 12, timeline);
    }

    private static Counts counts(long referred, long removed, long pending, long rejected) {
        return new Counts(referred, removed, pending, rejected, referred == 0 ? null : (double) removed / referred,
                Duration.ofMinutes(47), Duration.ofHours(5));
    }
}
