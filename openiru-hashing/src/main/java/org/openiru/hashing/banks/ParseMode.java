package org.openiru.hashing.banks;

/** What a bank file reader does with a bad line. */
public enum ParseMode {
    /** Stop at the first bad line with a {@link BankFormatException}. */
    STRICT,
    /** Skip bad lines, collect their errors, and keep going, so one bad line does not lose a batch. */
    COLLECT_ERRORS
}
