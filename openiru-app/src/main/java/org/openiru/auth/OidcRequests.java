package org.openiru.auth;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Logins in flight: what the callback must check (state, nonce) and prove (PKCE verifier). */
final class OidcRequests {
    /** Long enough to type a password and a second factor at the provider, short enough to stay stale-proof. */
    private static final String MAX_AGE = "10 minutes";

    record Pending(String state, String nonce, String codeVerifier, String returnTo) {
    }

    private final Jdbi jdbi;

    OidcRequests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void save(Pending p) {
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM oidc_requests WHERE created_at < now() - interval '" + MAX_AGE + "'");
            h.createUpdate("INSERT INTO oidc_requests (state, nonce, code_verifier, return_to) "
                            + "VALUES (:state, :nonce, :verifier, :returnTo)")
                    .bind("state", p.state()).bind("nonce", p.nonce()).bind("verifier", p.codeVerifier())
                    .bind("returnTo", p.returnTo()).execute();
        });
    }

    /** Removes the request as it is read, so that a state can be answered only once. */
    Optional<Pending> take(String state) {
        return jdbi.withHandle(h -> h.createQuery("DELETE FROM oidc_requests WHERE state = :state "
                        + "AND created_at >= now() - interval '" + MAX_AGE + "' "
                        + "RETURNING state, nonce, code_verifier, return_to")
                .bind("state", state)
                .map((rs, c) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findOne());
    }
}
