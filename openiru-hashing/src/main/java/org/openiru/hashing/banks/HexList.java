package org.openiru.hashing.banks;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * A plain list of hex hashes, one per line (blank lines and {@code #} comments ignored). The type
 * is the caller's, or inferred from the length where that is unambiguous: 32 hex digits are MD5.
 * 64 could be PDQ or SHA-256, so such lists need the type given.
 */
public final class HexList implements LineFormat {

    private final SignalType type;

    private HexList(SignalType type) {
        this.type = type;
    }

    /** Reads hashes of a known type. */
    public static ParseReport read(Reader in, String source, SignalType type, ParseMode mode,
            Consumer<BankEntry> sink) throws IOException, BankFormatException {
        return BankReader.read(in, source, new HexList(type), mode, sink);
    }

    /** Reads hashes whose type is inferred per line from their length. */
    public static ParseReport readInferringType(Reader in, String source, ParseMode mode,
            Consumer<BankEntry> sink) throws IOException, BankFormatException {
        return BankReader.read(in, source, new HexList(null), mode, sink);
    }

    public static void write(Iterable<BankEntry> entries, Writer out) throws IOException {
        for (BankEntry e : entries) {
            out.write(e.value() + "\n");
        }
    }

    @Override
    public BankEntry parse(String line) {
        String value = line.strip();
        return BankEntry.of(type != null ? type : inferType(value), value);
    }

    private static SignalType inferType(String value) {
        switch (value.length()) {
            case 32:
                return SignalType.MD5;
            case 64:
                throw new IllegalArgumentException(
                        "64 hex digits may be pdq or sha256; read this list with its type given");
            default:
                throw new IllegalArgumentException("cannot tell the hash type of " + value.length()
                        + " characters (32 hex digits are md5; pdq and sha256 need the type given)");
        }
    }
}
