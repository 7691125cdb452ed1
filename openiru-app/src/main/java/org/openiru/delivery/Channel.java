package org.openiru.delivery;

/**
 * A way of sending (e-mail, webhook). A worker opens one {@link Batch} for the rows it claimed, so that
 * connections (an SMTP session, an HTTP client's pool) are reused across them.
 */
interface Channel {
    Batch begin();

    interface Batch extends AutoCloseable {
        /**
         * Sends one delivery.
         *
         * @return what to log for the success (e.g. "HTTP 202")
         * @throws Failure with what to log, when the receiver did not take it
         */
        String send(Deliveries.Claimed d) throws Failure;

        @Override
        void close();
    }

    /** A send that did not succeed; the message is written to the attempt log as it is. */
    final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
