package org.openiru.ingest;

/** One problem in an import, where a person can find it: the file and a position in it (line:column, record). */
public record ImportError(String file, String position, String message) {
    @Override
    public String toString() {
        return file + (position.isEmpty() ? "" : ":" + position) + ": " + message;
    }
}
