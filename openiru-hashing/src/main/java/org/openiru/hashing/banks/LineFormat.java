package org.openiru.hashing.banks;

/** A line-oriented bank file format: how one line becomes an entry. */
interface LineFormat {

    /**
     * Reads the first non-blank line when the format has a header; formats without one return
     * false and receive that line as data.
     *
     * @throws IllegalArgumentException saying what is wrong with the header
     */
    boolean readHeader(String line);

    /** True for lines that carry no entry (comments). Blank lines are always skipped. */
    boolean isComment(String line);

    /** @throws IllegalArgumentException saying what is wrong with the line */
    BankEntry parse(String line);
}
