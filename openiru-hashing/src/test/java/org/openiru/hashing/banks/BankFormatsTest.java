package org.openiru.hashing.banks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic bank files (made-up hashes, no real material). */
class BankFormatsTest {

    private static final String PDQ = "f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22";
    private static final String MD5 = "0a21c8f85a55a9e276ffc2c53f6887c4";

    private final List<BankEntry> entries = new ArrayList<>();

    @Test
    void hmaLocalFileWithCommentsAndBlankLines() throws Exception {
        String file = "# exported bank\n\npdq " + PDQ.toUpperCase() + "\n  video_md5\t" + MD5 + "\n";
        ParseReport report = HmaLocalFile.read(new StringReader(file), "bank.txt", ParseMode.STRICT, entries::add);
        assertThat(report).isEqualTo(new ParseReport(2, List.of()));
        assertThat(entries).containsExactly(BankEntry.of(SignalType.PDQ, PDQ), BankEntry.of(SignalType.VIDEO_MD5, MD5));

        StringWriter out = new StringWriter();
        HmaLocalFile.write(entries, out);
        assertThat(out).hasToString("pdq " + PDQ + "\nvideo_md5 " + MD5 + "\n");
    }

    @Test
    void strictModeStopsAtTheFirstBadLineNamingSourceAndLine() {
        String file = "pdq " + PDQ + "\npdq " + PDQ.substring(1) + "\nmd5 " + MD5 + "\n";
        assertThatThrownBy(() -> HmaLocalFile.read(new StringReader(file), "bank.txt", ParseMode.STRICT, entries::add))
                .isInstanceOf(BankFormatException.class)
                .hasMessage("bank.txt:2: pdq must be 64 hex digits, got 63 characters");
    }

    @Test
    void collectingModeSkipsBadLinesAndKeepsGoing() throws Exception {
        String file = String.join("\n",
                "pdq " + PDQ,
                "pdq " + PDQ.replace('f', 'x'),
                "tmk abc",
                "md5",
                "md5 " + MD5,
                "md5 " + MD5 + " extra");
        ParseReport report = HmaLocalFile.read(new StringReader(file), "bank.txt", ParseMode.COLLECT_ERRORS, entries::add);
        assertThat(report.entries()).isEqualTo(2);
        assertThat(report.errors()).extracting(ParseError::toString).containsExactly(
                "bank.txt:2: pdq has a character that is not a hex digit: '" + PDQ.replace('f', 'x') + "'",
                "bank.txt:3: unknown signal type 'tmk'",
                "bank.txt:4: expected '<signal_type> <value>', got 1 fields",
                "bank.txt:6: expected '<signal_type> <value>', got 3 fields");
    }

    @Test
    void threatExchangeCsvRoundTrip() throws Exception {
        String csv = "collab,signal_type,signal_str,category,tags\r\n"
                + "Sample Data,pdq," + PDQ + ",TRUE_POSITIVE,media_type_photo synthetic\r\n"
                + "\"Unit A, Bank 2\",md5," + MD5 + ",DISPUTED,\r\n";
        ThreatExchangeCsv.read(new StringReader(csv), "collab.csv", ParseMode.STRICT, entries::add);
        assertThat(entries).containsExactly(
                new BankEntry(SignalType.PDQ, PDQ, "Sample Data", "TRUE_POSITIVE", List.of("media_type_photo", "synthetic")),
                new BankEntry(SignalType.MD5, MD5, "Unit A, Bank 2", "DISPUTED", List.of()));

        StringWriter out = new StringWriter();
        ThreatExchangeCsv.write(entries, out);
        assertThat(out).hasToString(csv);
    }

    @Test
    void threatExchangeCsvColumnsAreFoundByName() throws Exception {
        String csv = "signal_type,signal_str,collab,category,tags\npdq," + PDQ + ",c,TRUE_POSITIVE,a\n";
        ThreatExchangeCsv.read(new StringReader(csv), "reordered.csv", ParseMode.STRICT, entries::add);
        assertThat(entries).containsExactly(new BankEntry(SignalType.PDQ, PDQ, "c", "TRUE_POSITIVE", List.of("a")));
    }

    @Test
    void threatExchangeCsvErrors() throws Exception {
        assertThatThrownBy(() -> ThreatExchangeCsv.read(new StringReader("signal_type,signal_str\n"), "x.csv",
                ParseMode.COLLECT_ERRORS, entries::add))
                .isInstanceOf(BankFormatException.class)
                .hasMessageStartingWith("x.csv:1: header has no 'collab' column");
        String csv = "collab,signal_type,signal_str,category,tags\n"
                + "c,pdq," + PDQ + ",TRUE_POSITIVE\n"
                + "\"c,pdq," + PDQ + ",TRUE_POSITIVE,\n"
                + "c,pdq," + PDQ + ",TRUE_POSITIVE,t\n";
        ParseReport report = ThreatExchangeCsv.read(new StringReader(csv), "x.csv", ParseMode.COLLECT_ERRORS, entries::add);
        assertThat(report.entries()).isEqualTo(1);
        assertThat(report.errors()).extracting(ParseError::toString)
                .containsExactly("x.csv:2: expected 5 fields, got 4", "x.csv:3: unterminated quoted field");
    }

    @Test
    void hexListsWithAndWithoutAGivenType() throws Exception {
        String list = "\uFEFF" + MD5 + "\n# note\n" + PDQ + "\nabc\n";
        ParseReport inferred = HexList.readInferringType(new StringReader(list), "hashes.txt", ParseMode.COLLECT_ERRORS, entries::add);
        assertThat(entries).containsExactly(BankEntry.of(SignalType.MD5, MD5));
        assertThat(inferred.errors()).extracting(ParseError::line).containsExactly(3L, 4L);
        assertThat(inferred.errors().get(0).problem()).contains("may be pdq or sha256");

        entries.clear();
        HexList.read(new StringReader(PDQ + "\n" + PDQ.toUpperCase() + "\n"), "pdq.txt", SignalType.PDQ, ParseMode.STRICT, entries::add);
        assertThat(entries).containsExactly(BankEntry.of(SignalType.PDQ, PDQ), BankEntry.of(SignalType.PDQ, PDQ));
        StringWriter out = new StringWriter();
        HexList.write(entries, out);
        assertThat(out).hasToString(PDQ + "\n" + PDQ + "\n");
    }
}
