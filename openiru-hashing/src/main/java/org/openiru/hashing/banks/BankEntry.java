package org.openiru.hashing.banks;

import java.util.List;
import java.util.Objects;

/**
 * One signal of a bank file with the labels the format carries; formats without a field leave it
 * empty. {@code collab} is the collaboration (or bank) it came from, {@code category} an opinion such
 * as {@code TRUE_POSITIVE}.
 */
public record BankEntry(SignalType type, String value, String collab, String category, List<String> tags) {

    public BankEntry {
        Objects.requireNonNull(type, "type");
        value = type.normalise(value);
        collab = collab == null ? "" : collab;
        category = category == null ? "" : category;
        tags = List.copyOf(tags);
    }

    /** A bare signal without labels. */
    public static BankEntry of(SignalType type, String value) {
        return new BankEntry(type, value, "", "", List.of());
    }
}
