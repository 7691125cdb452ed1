package org.openiru.hashing.banks;

/** A line-oriented bank file format: how one line becomes an entry. */
interface LineFormat {

    /**
     * Reads the first non-blank line when the format has a header; formats without one return
     * false and receive that line as data.
     *
     * @throws IllegalArgumentException saying what is wrong with the header
     */
    default boolean readHeader(String line) {
        return false;
    }

    /** True for lines that carry no entry; by default those starting with {@code #}. Blank lines are always skipped. */
    default boolean isComment(String line) {
        return line.stripLeading().startsWith("#");
    }

    /** @throws IllegalArgumentException saying what is wrong with the line */
    BankEntry parse(String line);
}
