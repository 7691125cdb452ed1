package org.openiru.store;

/** A start-up problem the operator can fix (port busy, database unreachable, directory not writable). */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
