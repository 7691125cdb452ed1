package org.openiru.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openiru.web.Messages;

/** What the reports share besides the PDF: the language of a locale and the writing of CSV text. */
final class ReportText {
    private ReportText() {
    }

    /** The printing of a CSV's rows. */
    @FunctionalInterface
    interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    /** RFC 4180 text; cells that could be formulas are made inert by the callers (CsvCells). */
    static String csv(Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            rows.print(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The texts of the locale's language, English when the language has none. */
    static Messages messages(Map<String, Messages> all, Locale locale) {
        return all.getOrDefault(locale.getLanguage(), all.get("en"));
    }
}
