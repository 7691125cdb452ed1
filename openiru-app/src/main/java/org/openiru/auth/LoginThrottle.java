package org.openiru.auth;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing: after 5 failures for one user name, or 30 from one address, within 15
 * minutes, further attempts are refused until the window has passed. Kept in the database so that every
 * web process sees the same counts.
 */
public final class LoginThrottle {
    static final int MAX_PER_USER = 5;
    static final int MAX_PER_IP = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private final Jdbi jdbi;

    public LoginThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public boolean blocked(String username, String ip) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM login_failures
                                WHERE lower(username) = lower(:u) AND failed_at > now() - make_interval(secs => :w))
                                >= :maxUser
                            OR (SELECT count(*) FROM login_failures
                                WHERE ip = :ip AND failed_at > now() - make_interval(secs => :w)) >= :maxIp""")
                .bind("u", username).bind("ip", ip).bind("w", WINDOW.toSeconds())
                .bind("maxUser", MAX_PER_USER).bind("maxIp", MAX_PER_IP).mapTo(Boolean.class).one());
    }

    public void failed(String username, String ip) {
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO login_failures (username, ip) VALUES (?, ?)", username, ip);
            h.execute("DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'");
        });
    }

    public void succeeded(String username) {
        jdbi.useHandle(h -> h.execute("DELETE FROM login_failures WHERE lower(username) = lower(?)", username));
    }

    public long windowMinutes() {
        return WINDOW.toMinutes();
    }
}
