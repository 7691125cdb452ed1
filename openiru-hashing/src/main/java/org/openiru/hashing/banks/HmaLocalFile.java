package org.openiru.hashing.banks;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * Hasher-Matcher-Actioner's local bank file: one {@code <signal_type> <value>} per line, separated by
 * whitespace; blank lines and lines starting with {@code #} are ignored.
 */
public final class HmaLocalFile implements LineFormat {

    private static final HmaLocalFile FORMAT = new HmaLocalFile();

    private HmaLocalFile() {}

    public static ParseReport read(Reader in, String source, ParseMode mode, Consumer<BankEntry> sink)
            throws IOException, BankFormatException {
        return BankReader.read(in, source, FORMAT, mode, sink);
    }

    /** Writes the entries' types and values; labels have no place in this format and are dropped. */
    public static void write(Iterable<BankEntry> entries, Writer out) throws IOException {
        for (BankEntry e : entries) {
            out.write(e.type().wireName() + " " + e.value() + "\n");
        }
    }

    @Override
    public BankEntry parse(String line) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length != 2) {
            throw new IllegalArgumentException(
                    "expected '<signal_type> <value>', got " + fields.length + " fields");
        }
        return BankEntry.of(SignalType.fromWireName(fields[0]), fields[1]);
    }
}
