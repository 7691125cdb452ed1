package org.openiru.verify;

/** The guard would not let a request go out; the message says why, naming the host and the address. */
public final class OutboundRefused extends RuntimeException {
    public OutboundRefused(String message) {
        super(message);
    }
}
