package org.openiru.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openiru.web.CsvCells;
import org.openiru.web.Messages;

/**
 * The transparency reports of a unit for a period, as PDF and CSV with the same numbers: the TCO Art. 8 report of a
 * competent authority (what the data gives, then what a supervisor entered by hand, marked "not entered" where
 * nothing was) and the yearly report of referral work per month.
 */
public final class TransparencyReport {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private final Map<String, Messages> messages;

    public TransparencyReport(Map<String, Messages> messages) {
        this.messages = messages;
    }

    public byte[] tcoPdf(TransparencyFigures.Period p, TransparencyFigures.Tco t, TcoManual.Entry manual,
                         Locale locale) {
        Messages m = messages(locale);
        ReportPdf pdf = new ReportPdf(m.t("report.tco.title"), m.rtl());
        pdf.title(m.t("report.tco.title"));
        pdf.paragraph(m.t("report.tco.intro"));
        pdf.facts(List.of(new String[] {m.t("report.unit"), p.unitName()},
                new String[] {m.t("report.period"), p.from() + " – " + p.to()}));
        pdf.heading(m.t("report.tco.a"));
        pdf.table(List.of(m.t("report.figure"), m.t("report.count")), tcoRows(m, t), new float[] {75, 25},
                new boolean[] {false, true});
        pdf.note(m.t("report.tco.a.note"));
        pdf.heading(m.t("report.tco.manual"));
        List<List<String>> rows = new ArrayList<>();
        for (String f : TcoManual.FIELDS) {
            Integer n = manual.number(f);
            rows.add(List.of(m.t("report.tco.manual." + f), n == null ? m.t("report.tco.not_entered")
                    : String.valueOf(n), manual.text(f)));
        }
        pdf.table(List.of(m.t("report.figure"), m.t("report.count"), m.t("report.tco.manual.text")), rows,
                new float[] {40, 14, 46}, new boolean[] {false, true, false});
        pdf.note(manual.updatedAt() == null ? m.t("report.tco.manual.none")
                : m.t("report.tco.manual.by", manual.updatedBy(), ActionDayReport.TIME.format(manual.updatedAt())));
        return pdf.finish();
    }

    /** One row per figure: {@code figure,count,text}; manual numbers not entered are empty. */
    public String tcoCsv(TransparencyFigures.Period p, TransparencyFigures.Tco t, TcoManual.Entry manual) {
        return ReportText.csv(csv -> {
            csv.printRecord("figure", "count", "text");
            csv.printRecord("unit", "", CsvCells.inert(p.unitName()));
            csv.printRecord("period_from", "", p.from());
            csv.printRecord("period_to", "", p.to());
            csv.printRecord("removal_orders_issued", t.orders(), "");
            csv.printRecord("removal_orders_cross_border_art_4_1", t.crossBorder(), "");
            csv.printRecord("removal_orders_fully_executed", t.ordersExecuted(), "");
            csv.printRecord("items_ordered", t.items(), "");
            csv.printRecord("items_executed_annex_ii", t.itemsExecuted(), "");
            csv.printRecord("items_not_executed_annex_iii", t.itemsNotExecuted(), "");
            for (Map.Entry<String, Long> r : t.notExecutedReasons().entrySet()) {
                csv.printRecord("not_executed_" + r.getKey(), r.getValue(), "");
            }
            for (String f : TcoManual.FIELDS) {
                Integer n = manual.number(f);
                csv.printRecord(f, n == null ? "" : n, CsvCells.inert(manual.text(f)));
            }
        });
    }

    public byte[] yearlyPdf(TransparencyFigures.Period p, TransparencyFigures.Yearly y, Locale locale) {
        Messages m = messages(locale);
        ReportPdf pdf = new ReportPdf(m.t("report.yearly.title", String.valueOf(p.from().getYear())), m.rtl());
        pdf.title(m.t("report.yearly.title", String.valueOf(p.from().getYear())));
        pdf.facts(List.of(new String[] {m.t("report.unit"), p.unitName()},
                new String[] {m.t("report.period"), p.from() + " – " + p.to()},
                new String[] {m.t("report.yearly.assessed"), String.valueOf(y.itemsAssessed())},
                new String[] {m.t("report.yearly.platforms"), String.valueOf(y.platforms().size())}));
        pdf.heading(m.t("report.yearly.per_month"));
        List<List<String>> rows = new ArrayList<>();
        for (TransparencyFigures.Month r : y.months()) {
            rows.add(List.of(MONTH.format(r.month()), String.valueOf(r.itemsAssessed()), String.valueOf(r.referrals()),
                    String.valueOf(r.orders()), String.valueOf(r.itemsReferred()), String.valueOf(r.itemsRemoved()),
                    ActionDayReport.rate(r.removalRate()), String.valueOf(r.platforms())));
        }
        pdf.table(List.of(m.t("report.yearly.month"), m.t("report.yearly.assessed"), m.t("report.yearly.referrals"),
                        m.t("report.yearly.orders"), m.t("report.yearly.items_referred"), m.t("report.col.removed"),
                        m.t("report.col.removal_rate"), m.t("report.yearly.platforms")), rows,
                new float[] {12, 13, 12, 12, 13, 12, 14, 12}, new boolean[] {false, true, true, true, true, true, true,
                        true});
        pdf.chart(PdfCharts.bars(y.months().stream().map(r -> new PdfCharts.Bar(MONTH.format(r.month()),
                        List.of(r.itemsRemoved(), r.itemsReferred() - r.itemsRemoved()))).toList(),
                List.of(new PdfCharts.Legend(m.t("report.col.removed"), PdfCharts.GREEN),
                        new PdfCharts.Legend(m.t("report.yearly.not_removed"), PdfCharts.AMBER))),
                PdfCharts.barsHeight(y.months().size()));
        pdf.heading(m.t("report.yearly.per_platform"));
        pdf.table(List.of(m.t("report.day.col.platform"), m.t("report.yearly.items_referred"),
                        m.t("report.col.removed"), m.t("report.col.removal_rate")),
                y.platforms().stream().map(l -> List.of(l.key(), String.valueOf(l.items()), String.valueOf(l.removed()),
                        ActionDayReport.rate(l.items() == 0 ? null : (double) l.removed() / l.items()))).toList(),
                new float[] {40, 20, 20, 20}, new boolean[] {false, true, true, true});
        lines(pdf, m, "language", y.languages());
        lines(pdf, m, "entity", y.entities());
        pdf.note(m.t("report.yearly.source"));
        return pdf.finish();
    }

    /** Blocks separated by an empty line: the months, then per platform, per language, per entity. */
    public String yearlyCsv(TransparencyFigures.Period p, TransparencyFigures.Yearly y) {
        return ReportText.csv(csv -> {
            csv.printRecord("month", "items_assessed", "referrals", "removal_orders", "items_referred",
                    "items_removed", "removal_rate_percent", "platforms");
            for (TransparencyFigures.Month r : y.months()) {
                csv.printRecord(MONTH.format(r.month()), r.itemsAssessed(), r.referrals(), r.orders(),
                        r.itemsReferred(), r.itemsRemoved(), ActionDayReport.rate(r.removalRate()), r.platforms());
            }
            csv.printRecord("total", y.itemsAssessed(), y.months().stream().mapToLong(TransparencyFigures.Month::referrals)
                    .sum(), y.months().stream().mapToLong(TransparencyFigures.Month::orders).sum(),
                    y.months().stream().mapToLong(TransparencyFigures.Month::itemsReferred).sum(),
                    y.months().stream().mapToLong(TransparencyFigures.Month::itemsRemoved).sum(), "",
                    y.platforms().size());
            csv.println();
            csv.printRecord("platform", "items_referred", "items_removed");
            for (TransparencyFigures.Line l : y.platforms()) {
                csv.printRecord(CsvCells.inert(l.key()), l.items(), l.removed());
            }
            csv.println();
            csv.printRecord("language", "items_assessed");
            for (TransparencyFigures.Line l : y.languages()) {
                csv.printRecord(CsvCells.inert(l.key()), l.items());
            }
            csv.println();
            csv.printRecord("entity", "items_assessed_terrorist");
            for (TransparencyFigures.Line l : y.entities()) {
                csv.printRecord(CsvCells.inert(l.key()), l.items());
            }
        });
    }

    private static List<List<String>> tcoRows(Messages m, TransparencyFigures.Tco t) {
        List<List<String>> rows = new ArrayList<>(List.of(
                List.of(m.t("report.tco.orders"), String.valueOf(t.orders())),
                List.of(m.t("report.tco.cross_border"), String.valueOf(t.crossBorder())),
                List.of(m.t("report.tco.orders_executed"), String.valueOf(t.ordersExecuted())),
                List.of(m.t("report.tco.items"), String.valueOf(t.items())),
                List.of(m.t("report.tco.items_executed"), String.valueOf(t.itemsExecuted())),
                List.of(m.t("report.tco.items_not_executed"), String.valueOf(t.itemsNotExecuted()))));
        t.notExecutedReasons().forEach((k, v) -> rows.add(List.of("    " + m.t("report.tco.reason." + k),
                String.valueOf(v))));
        return rows;
    }

    private static void lines(ReportPdf pdf, Messages m, String what, List<TransparencyFigures.Line> lines) {
        pdf.heading(m.t("report.yearly.per_" + what));
        pdf.table(List.of(m.t("report.yearly." + what), m.t("report.yearly.items")),
                lines.stream().map(l -> List.of(l.key().isEmpty() ? m.t("report.none") : l.key(),
                        String.valueOf(l.items()))).toList(), new float[] {70, 30}, new boolean[] {false, true});
    }

    private Messages messages(Locale locale) {
        return ReportText.messages(messages, locale);
    }
}
