package org.openiru.hashing.banks;

import java.util.List;

/** How reading a bank file went: entries delivered, and the lines skipped with their errors. */
public record ParseReport(long entries, List<ParseError> errors) {

    public ParseReport {
        errors = List.copyOf(errors);
    }

    public boolean clean() {
        return errors.isEmpty();
    }
}
