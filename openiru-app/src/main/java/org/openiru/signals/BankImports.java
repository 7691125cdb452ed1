package org.openiru.signals;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.openiru.audit.Actor;
import org.openiru.hashing.banks.BankEntry;
import org.openiru.hashing.banks.BankFormatException;
import org.openiru.hashing.banks.ParseError;
import org.openiru.hashing.banks.ParseMode;
import org.openiru.hashing.banks.ParseReport;
import org.openiru.hashing.banks.SignalType;
import org.openiru.web.ApiException;

/** Imports bank files into a bank (then retro-hunts the new entries) and exports banks as files. */
public final class BankImports {
    private final Banks banks;
    private final RetroHunts retroHunts;

    public BankImports(Banks banks, RetroHunts retroHunts) {
        this.banks = banks;
        this.retroHunts = retroHunts;
    }

    /** What an import did. {@code retrohunt} is the id of the background match of existing content, if any. */
    public record Report(String source, long read, int added, int duplicates, List<String> errors, Long retrohunt) {
    }

    /** The options of one import; {@code entity} and {@code tags} label every entry of the file. */
    public record Options(BankFileFormat format, SignalType hexType, ParseMode mode, String entity, List<String> tags) {
    }

    /**
     * Reads the whole file first: in {@link ParseMode#STRICT} a bad line stops the import before anything is
     * stored; in {@link ParseMode#COLLECT_ERRORS} bad lines are skipped and reported with their line numbers.
     */
    public Report importFile(Actor actor, long bankId, Reader in, String source, Options o) throws IOException {
        banks.get(bankId);
        List<NewEntry> entries = new ArrayList<>();
        ParseReport parsed;
        try {
            parsed = o.format().read(in, source, o.hexType(), o.mode(), e -> entries.add(toNew(e, o)));
        } catch (BankFormatException e) {
            throw new ApiException(400, "invalid", e.getMessage(), "file");
        }
        Banks.Added added = banks.addEntries(actor, bankId, entries, source);
        Long hunt = retroHunts.start(bankId, added.added()).orElse(null);
        return new Report(source, parsed.entries() + parsed.errors().size(), added.added().size(),
                added.duplicates(), parsed.errors().stream().map(ParseError::toString).toList(), hunt);
    }

    /** Throws IllegalArgumentException for a signal a bank cannot hold, which the reader reports with its line. */
    private static NewEntry toNew(BankEntry e, Options o) {
        List<String> tags = new ArrayList<>(o.tags());
        tags.addAll(e.tags());
        String note = (e.collab().isEmpty() ? "" : "collab " + e.collab())
                + (e.category().isEmpty() ? "" : (e.collab().isEmpty() ? "" : "; ") + "category " + e.category());
        return new NewEntry(e.type(), e.value(), o.entity(), tags, note, null, null);
    }

    /** Writes a bank's entries; a hex list holds one type only, {@code hexType}. */
    public void export(long bankId, BankFileFormat format, SignalType hexType, Writer out) throws IOException {
        Bank bank = banks.get(bankId);
        List<BankEntry> rows = new ArrayList<>();
        banks.forEachEntry(bankId, e -> {
            SignalType type = SignalType.fromWireName(e.signalType());
            if (format != BankFileFormat.HEX || type == hexType) {
                rows.add(new BankEntry(type, e.value(), bank.name(), "", e.tags()));
            }
        });
        format.write(rows, out);
    }
}
