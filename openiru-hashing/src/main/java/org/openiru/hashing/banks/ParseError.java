package org.openiru.hashing.banks;

/** A line of a bank file that could not be used, and why. Line numbers start at 1. */
public record ParseError(String source, long line, String problem) {

    @Override
    public String toString() {
        return source + ":" + line + ": " + problem;
    }
}
