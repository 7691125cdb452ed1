package org.openiru.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openiru.report.ReportChecks.block;
import static org.openiru.report.ReportChecks.hms;
import static org.openiru.report.ReportChecks.squeeze;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openiru.campaign.ActionDayFigures;
import org.openiru.web.Messages;

class ActionDayReportTest {
    private final ActionDayReport report = new ActionDayReport(Messages.loadAll(ZoneOffset.UTC));

    @Test
    void thePdfCarriesTheCsvNumbers() throws IOException {
        ActionDayFigures f = ActionDayFiguresFixture.figures("Day of [synthetic] takedowns", 3, 4, 12, 30, true);
        String csv = report.csv(f, Locale.ENGLISH);
        String pdf = PdfText.of(report.pdf(f, Locale.ENGLISH));
        List<CSVRecord> counts = block(csv, "section");
        assertThat(counts).hasSize(1 + 3 + 4 + 2 + 1 + 2);
        CSVRecord total = counts.get(0);
        assertThat(total.get("section")).isEqualTo("total");
        assertThat(total.get("referred")).isEqualTo(String.valueOf(f.total().referred()));
        ReportChecks.assertPdfHasEveryCountRow(pdf, counts);
        assertThat(pdf).contains("Telegram")
                .contains("Cases whose content was seen again within 7 days after the close: 4")
                .doesNotContain("INTERIM");
        assertThat(csv).contains("interim,false").contains("reappeared_cases_within_7_days,4");
        assertThat(block(csv, "key_actor_id")).hasSize(12);
        assertThat(block(csv, "hour_ending")).hasSize(30);
    }

    @Test
    void aDayNotClosedIsInterimInBoth() {
        ActionDayFigures f = ActionDayFiguresFixture.figures("Running day", 2, 1, 1, 3, false);
        assertThat(PdfText.of(report.pdf(f, Locale.ENGLISH))).contains("INTERIM: the action day has not closed");
        assertThat(report.csv(f, Locale.ENGLISH)).contains("interim,true").contains("status,running");
        assertThat(PdfText.of(report.pdf(f, Locale.forLanguageTag("ar"))))
                .contains(ReportPdfTest.visualShaped("مؤقت"));
    }

    @Test
    void arabicReportIsRightToLeftWithTheSameNumbers() throws IOException {
        ActionDayFigures f = ActionDayFiguresFixture.figures("يوم العمل 2026", 2, 2, 3, 5, true);
        Locale ar = Locale.forLanguageTag("ar");
        String pdf = PdfText.of(report.pdf(f, ar));
        CSVRecord total = block(report.csv(f, ar), "section").get(0);
        // Right to left: the row reads from the right, so the extracted line (left to right) has the numbers last
        // column first and the label at the end.
        String row = String.join(" ", hms(total.get("p90_seconds_to_removal")),
                hms(total.get("median_seconds_to_removal")), total.get("removal_rate_percent"), total.get("rejected"),
                total.get("pending"), total.get("removed"), total.get("referred"));
        assertThat(squeeze(pdf)).contains(squeeze(row + ReportPdfTest.visualShaped("كل المواد")));
        assertThat(pdf).contains(ReportPdfTest.visualShaped("تقرير"));
        // Western digits as in the CSV, also where a sentence carries a number (the reappeared cases: 4).
        assertThat(pdf).doesNotContainPattern("[\u0660-\u0669]").contains(" 4 :");
        assertThat(pdf).doesNotContain("Totals");
    }

    @Test
    void hostileTextIsInertInTheCsvAndPlainInThePdf() throws IOException {
        ActionDayFigures f = ActionDayFiguresFixture.figures("=HYPERLINK(\"http://x\") <script>", 1, 1, 1, 2, true);
        String csv = report.csv(f, Locale.ENGLISH);
        assertThat(block(csv, "field").stream().filter(r -> r.get("field").equals("name")).findFirst().orElseThrow()
                .get("value")).isEqualTo("'=HYPERLINK(\"http://x\") <script>");
        assertThat(PdfText.of(report.pdf(f, Locale.ENGLISH))).contains("=HYPERLINK(\"http://x\") <script>");
    }
}
