package org.openiru.hashing;

/**
 * A file or stream could not be hashed: unreadable, corrupt, truncated, empty or of an unsupported
 * format. The message names the source and the reason, so it can be shown to an analyst as it is.
 */
public class HashingException extends Exception {

    private final String source;

    public HashingException(String source, String reason) {
        this(source, reason, null);
    }

    public HashingException(String source, String reason, Throwable cause) {
        super(source + ": " + reason, cause);
        this.source = source;
    }

    /** The file name or other label of the input that failed. */
    public String source() {
        return source;
    }
}
