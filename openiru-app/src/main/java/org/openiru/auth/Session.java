package org.openiru.auth;

import java.time.Instant;

/** A browser session; the secret itself lives only in the user's cookie. */
public record Session(byte[] secretHash, long userId, String csrfToken, Instant expiresAt) {
}
