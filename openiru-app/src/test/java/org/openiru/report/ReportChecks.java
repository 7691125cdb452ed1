package org.openiru.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reading an action day's final report back in tests: the CSV's blocks, and its counts in the PDF's text. */
public final class ReportChecks {
    private ReportChecks() {
    }

    /**
     * Every counts row of the CSV (total, per platform, entity, content type, unit, kind) is a row of the PDF's
     * tables: the label, then the same numbers in the same order (times as h:mm:ss).
     */
    public static void assertPdfHasEveryCountRow(String pdfText, List<CSVRecord> counts) {
        for (CSVRecord r : counts) {
            String label = r.get("label").isEmpty() ? "(none)" : written(r.get("label"));
            String row = String.join(" ", label, r.get("referred"), r.get("removed"), r.get("pending"),
                    r.get("rejected"), r.get("removal_rate_percent"), hms(r.get("median_seconds_to_removal")),
                    hms(r.get("p90_seconds_to_removal"))).strip();
            assertThat(squeeze(pdfText)).as(r.toString()).contains(squeeze(row));
        }
    }

    /** The records of the CSV block whose header starts with {@code first}. */
    public static List<CSVRecord> block(String csv, String first) throws IOException {
        String[] blocks = csv.split("\r\n\r\n");
        for (String b : blocks) {
            if (b.startsWith(first + ",")) {
                return new ArrayList<>(CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(b))
                        .getRecords());
            }
        }
        throw new AssertionError("no block " + first + " in " + csv);
    }

    /**
     * Text without white space: OpenPDF's extractor puts a space between two table cells only sometimes (it guesses
     * from the gap), so rows are compared with the spaces taken out; the numbers stay in their order.
     */
    public static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** A label as an English PDF holds it: an Arabic word inside is shaped and in visual order. */
    private static String written(String label) {
        return ReportPdf.hasRtl(label) ? PdfText.of(new ReportPdf("t", false).paragraph(label).finish()).strip() : label;
    }

    static String hms(String seconds) {
        return seconds.isEmpty() ? "" : ActionDayReport.hours(java.time.Duration.ofSeconds(Long.parseLong(seconds)));
    }
}
