package org.openiru.signals;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Consumer;
import org.openiru.hashing.banks.BankEntry;
import org.openiru.hashing.banks.BankFormatException;
import org.openiru.hashing.banks.HexList;
import org.openiru.hashing.banks.HmaLocalFile;
import org.openiru.hashing.banks.ParseMode;
import org.openiru.hashing.banks.ParseReport;
import org.openiru.hashing.banks.SignalType;
import org.openiru.hashing.banks.ThreatExchangeCsv;
import org.openiru.web.ApiException;

/** The bank file formats, by the names the CLI and the API use, over the library's readers and writers. */
public enum BankFileFormat {
    /** HMA's local file: {@code <signal_type> <hash>} per line. */
    HMA,
    /** python-threatexchange's CSV ({@code collab,signal_type,signal_str,category,tags}). */
    CSV,
    /** One hex hash per line; the type is given, or inferred where the length tells (MD5). */
    HEX;

    public static BankFileFormat parse(String name) {
        try {
            return valueOf(name == null ? "HMA" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("format", "format must be hma, csv or hex, not " + name);
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param hexType the type of a hex list's hashes; null to infer it per line */
    public ParseReport read(Reader in, String source, SignalType hexType, ParseMode mode, Consumer<BankEntry> sink)
            throws IOException, BankFormatException {
        return switch (this) {
            case HMA -> HmaLocalFile.read(in, source, mode, sink);
            case CSV -> ThreatExchangeCsv.read(in, source, mode, sink);
            case HEX -> hexType == null ? HexList.readInferringType(in, source, mode, sink)
                    : HexList.read(in, source, hexType, mode, sink);
        };
    }

    public void write(Iterable<BankEntry> entries, Writer out) throws IOException {
        switch (this) {
            case HMA -> HmaLocalFile.write(entries, out);
            case CSV -> ThreatExchangeCsv.write(entries, out);
            case HEX -> HexList.write(entries, out);
        }
    }
}
