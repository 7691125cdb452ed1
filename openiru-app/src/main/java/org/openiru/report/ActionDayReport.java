package org.openiru.report;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.openiru.campaign.ActionDayFigures;
import org.openiru.campaign.ActionDayFigures.Counts;
import org.openiru.campaign.ActionDayFigures.Row;
import org.openiru.web.CsvCells;
import org.openiru.web.Messages;

/**
 * The final report of an action day, as PDF (tables, the per-platform bars and the timeline, drawn) and as CSV,
 * from one {@link ActionDayFigures}: both print the same numbers, written the same way (counts as plain digits,
 * the removal rate as a percentage with one decimal, times to removal as hours:minutes:seconds in the PDF and as
 * seconds in the CSV). A day that has not closed is marked interim in both.
 */
public final class ActionDayReport {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ZoneOffset.UTC);
    private static final List<String> COUNT_COLUMNS = List.of("referred", "removed", "pending", "rejected",
            "removal_rate", "median", "p90");
    private final Map<String, Messages> messages;

    public ActionDayReport(Map<String, Messages> messages) {
        this.messages = messages;
    }

    /** The report as a PDF in the locale's language (Arabic: right to left). */
    public byte[] pdf(ActionDayFigures f, Locale locale) {
        Messages m = messages(locale);
        ActionDayFigures.Day d = f.day();
        ReportPdf pdf = new ReportPdf(m.t("report.day.title", d.name()), m.rtl());
        pdf.title(m.t("report.day.title", d.name()));
        if (interim(f)) {
            pdf.banner(m.t("report.day.interim", TIME.format(f.computedAt())));
        }
        pdf.facts(List.of(
                new String[] {m.t("report.day.organiser"), d.organisingUnit()},
                new String[] {m.t("report.day.window"), TIME.format(d.startsAt()) + " – " + TIME.format(d.endsAt())},
                new String[] {m.t("report.day.started"), time(d.startedAt())},
                new String[] {m.t("report.day.closed"), time(d.closedAt())},
                new String[] {m.t("report.day.status"), m.t("report.day.status." + d.status())},
                new String[] {m.t("report.day.units"), String.join(", ", d.units())},
                new String[] {m.t("report.day.platforms"), String.join(", ", d.platforms())},
                new String[] {m.t("report.day.computed"), TIME.format(f.computedAt())}));

        pdf.heading(m.t("report.day.totals"));
        breakdown(pdf, m, m.t("report.day.section.total"), List.of(new Row("", m.t("report.day.all"), f.total())));
        // As a string: MessageFormat would write Arabic-Indic digits in Arabic, and the CSV has Western ones.
        pdf.paragraph(m.t("report.day.reappeared", String.valueOf(f.reappearedCases())));

        pdf.heading(m.t("report.day.section.platform"));
        pdf.chart(PdfCharts.bars(f.perPlatform().stream().map(r -> new PdfCharts.Bar(r.label(),
                List.of(r.counts().removed(), r.counts().pending(), r.counts().rejected()))).toList(), List.of(
                new PdfCharts.Legend(m.t("report.col.removed"), PdfCharts.GREEN),
                new PdfCharts.Legend(m.t("report.col.pending"), PdfCharts.AMBER),
                new PdfCharts.Legend(m.t("report.col.rejected"), PdfCharts.RED))),
                PdfCharts.barsHeight(f.perPlatform().size()));
        breakdown(pdf, m, m.t("report.day.col.platform"), f.perPlatform());

        pdf.heading(m.t("report.day.timeline"));
        pdf.chart(PdfCharts.steps(List.of(
                new PdfCharts.Series(new PdfCharts.Legend(m.t("report.col.referred"), PdfCharts.BLUE),
                        f.timeline().stream().map(ActionDayFigures.TimePoint::referred).toList()),
                new PdfCharts.Series(new PdfCharts.Legend(m.t("report.col.removed"), PdfCharts.GREEN),
                        f.timeline().stream().map(ActionDayFigures.TimePoint::removed).toList())),
                f.timeline().stream().map(p -> HOUR.format(p.at().minus(Duration.ofHours(1)))).toList()), 170);
        pdf.note(m.t("report.day.timeline.note"));

        for (String section : List.of("entity", "content_type", "unit", "kind")) {
            pdf.heading(m.t("report.day.section." + section));
            breakdown(pdf, m, m.t("report.day.col." + section), rows(f, section));
        }

        pdf.heading(m.t("report.day.section.key_actors"));
        List<List<String>> actors = new ArrayList<>();
        for (ActionDayFigures.KeyActor a : f.keyActors()) {
            actors.add(List.of(a.name(), a.platform(), a.rank() == null ? "" : String.valueOf(a.rank()),
                    a.target() ? m.t("report.yes") : "", String.valueOf(a.referred()), String.valueOf(a.removed()),
                    a.takenDown() ? m.t("report.yes") : m.t("report.no")));
        }
        pdf.table(List.of(m.t("report.actor.name"), m.t("report.actor.platform"), m.t("report.actor.rank"),
                        m.t("report.actor.target"), m.t("report.col.referred"), m.t("report.col.removed"),
                        m.t("report.actor.taken_down")), actors, new float[] {30, 16, 9, 9, 11, 11, 14},
                new boolean[] {false, false, true, false, true, true, false});
        pdf.note(m.t("report.day.source"));
        return pdf.finish();
    }

    /**
     * The report as CSV (UTF-8 text; the caller adds a byte order mark if it serves a file): blocks separated by
     * an empty line — the day, the breakdowns (section, key, label and the counts), the key actors, the timeline.
     * Column names are stable (English); labels and the words of the day's block follow the locale.
     */
    public String csv(ActionDayFigures f, Locale locale) {
        Messages m = messages(locale);
        ActionDayFigures.Day d = f.day();
        return ReportText.csv(csv -> {
            csv.printRecord("field", "value");
            csv.printRecord("action_day_id", d.id());
            csv.printRecord("name", CsvCells.inert(d.name()));
            csv.printRecord("organising_unit", CsvCells.inert(d.organisingUnit()));
            csv.printRecord("status", d.status());
            csv.printRecord("interim", interim(f));
            csv.printRecord("starts_at", d.startsAt());
            csv.printRecord("ends_at", d.endsAt());
            csv.printRecord("started_at", d.startedAt() == null ? "" : d.startedAt());
            csv.printRecord("closed_at", d.closedAt() == null ? "" : d.closedAt());
            csv.printRecord("computed_at", f.computedAt());
            csv.printRecord("units", CsvCells.inert(String.join("; ", d.units())));
            csv.printRecord("platforms", CsvCells.inert(String.join("; ", d.platforms())));
            csv.printRecord("reappeared_cases_within_7_days", f.reappearedCases());
            csv.println();
            csv.printRecord("section", "key", "label", "referred", "removed", "pending", "rejected",
                    "removal_rate_percent", "median_seconds_to_removal", "p90_seconds_to_removal");
            countRow(csv, "total", new Row("", m.t("report.day.all"), f.total()));
            for (String section : List.of("platform", "entity", "content_type", "unit", "kind")) {
                for (Row r : rows(f, section)) {
                    countRow(csv, section, r);
                }
            }
            csv.println();
            csv.printRecord("key_actor_id", "name", "platform", "rank", "target", "referred", "removed", "taken_down");
            for (ActionDayFigures.KeyActor a : f.keyActors()) {
                csv.printRecord(a.actorId(), CsvCells.inert(a.name()), CsvCells.inert(a.platform()),
                        a.rank() == null ? "" : a.rank(), a.target(), a.referred(), a.removed(), a.takenDown());
            }
            csv.println();
            csv.printRecord("hour_ending", "referred_cumulative", "removed_cumulative");
            for (ActionDayFigures.TimePoint p : f.timeline()) {
                csv.printRecord(p.at(), p.referred(), p.removed());
            }
        });
    }

    /** Interim until the day is closed: its figures may still change. */
    static boolean interim(ActionDayFigures f) {
        return !"closed".equals(f.day().status());
    }

    private static List<Row> rows(ActionDayFigures f, String section) {
        return switch (section) {
            case "platform" -> f.perPlatform();
            case "entity" -> f.perEntity();
            case "content_type" -> f.perContentType();
            case "unit" -> f.perUnit();
            case "kind" -> f.perKind();
            default -> throw new IllegalArgumentException(section);
        };
    }

    private static void countRow(CSVPrinter csv, String section, Row r) throws IOException {
        Counts c = r.counts();
        csv.printRecord(section, CsvCells.inert(r.key()), CsvCells.inert(r.label()), c.referred(), c.removed(),
                c.pending(), c.rejected(), rate(c.removalRate()), seconds(c.medianToRemoval()),
                seconds(c.p90ToRemoval()));
    }

    private static void breakdown(ReportPdf pdf, Messages m, String first, List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            Counts c = r.counts();
            cells.add(List.of(r.label().isEmpty() ? m.t("report.none") : r.label(), String.valueOf(c.referred()),
                    String.valueOf(c.removed()), String.valueOf(c.pending()), String.valueOf(c.rejected()),
                    rate(c.removalRate()), hours(c.medianToRemoval()), hours(c.p90ToRemoval())));
        }
        List<String> header = new ArrayList<>(List.of(first));
        COUNT_COLUMNS.forEach(k -> header.add(m.t("report.col." + k)));
        pdf.table(header, cells, new float[] {28, 10, 10, 10, 10, 10, 11, 11},
                new boolean[] {false, true, true, true, true, true, true, true});
    }

    /** A removal rate as a percentage with one decimal ("87.5"), empty when nothing was referred. */
    static String rate(Double r) {
        return r == null ? "" : String.format(Locale.ROOT, "%.1f", r * 100);
    }

    static String seconds(Duration d) {
        return d == null ? "" : String.valueOf(d.toSeconds());
    }

    /** A duration as hours:minutes:seconds ("26:04:09"), empty when there is none. */
    static String hours(Duration d) {
        return d == null ? "" : String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(),
                d.toSecondsPart());
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    private Messages messages(Locale locale) {
        return ReportText.messages(messages, locale);
    }
}
