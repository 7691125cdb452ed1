package org.openiru.hashing.banks;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The CSV that python-threatexchange writes with {@code threatexchange dataset -P --csv}: a header
 * row {@code collab,signal_type,signal_str,category,tags}, then one row per signal and collaboration.
 * {@code category} is the aggregate opinion's name (e.g. {@code TRUE_POSITIVE}); {@code tags} are
 * separated by single spaces. Columns are found by their header names, so their order may vary.
 */
public final class ThreatExchangeCsv implements LineFormat {

    static final List<String> COLUMNS = List.of("collab", "signal_type", "signal_str", "category", "tags");

    private int[] positions;
    private int width;

    private ThreatExchangeCsv() {}

    public static ParseReport read(Reader in, String source, ParseMode mode, Consumer<BankEntry> sink)
            throws IOException, BankFormatException {
        return BankReader.read(in, source, new ThreatExchangeCsv(), mode, sink);
    }

    public static void write(Iterable<BankEntry> entries, Writer out) throws IOException {
        out.write(CsvLine.join(COLUMNS) + "\r\n");
        for (BankEntry e : entries) {
            out.write(CsvLine.join(List.of(e.collab(), e.type().wireName(), e.value(), e.category(),
                    String.join(" ", e.tags()))) + "\r\n");
        }
    }

    @Override
    public boolean readHeader(String line) {
        List<String> header = CsvLine.split(line);
        positions = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            positions[c] = header.indexOf(COLUMNS.get(c));
            if (positions[c] < 0) {
                throw new IllegalArgumentException("header has no '" + COLUMNS.get(c) + "' column; expected "
                        + String.join(",", COLUMNS) + ", got " + line);
            }
        }
        width = header.size();
        return true;
    }

    @Override
    public boolean isComment(String line) {
        return false;
    }

    @Override
    public BankEntry parse(String line) {
        List<String> fields = CsvLine.split(line);
        if (fields.size() != width) {
            throw new IllegalArgumentException("expected " + width + " fields, got " + fields.size());
        }
        String tags = field(fields, 4).strip();
        return new BankEntry(SignalType.fromWireName(field(fields, 1)), field(fields, 2),
                field(fields, 0), field(fields, 3), tags.isEmpty() ? List.of() : Arrays.asList(tags.split(" +")));
    }

    private String field(List<String> fields, int column) {
        return fields.get(positions[column]);
    }
}
