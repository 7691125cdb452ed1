package org.openiru.hashing.banks;

/** A bank file is malformed; thrown in {@link ParseMode#STRICT} mode at the first bad line. */
public class BankFormatException extends Exception {

    private final ParseError error;

    public BankFormatException(ParseError error) {
        super(error.toString());
        this.error = error;
    }

    public ParseError error() {
        return error;
    }
}
