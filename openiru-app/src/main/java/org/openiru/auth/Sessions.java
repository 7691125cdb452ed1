package org.openiru.auth;

import org.openiru.store.Rows;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Browser sessions kept in the database, so that they survive a restart and work across several web
 * processes. Sessions end after a fixed lifetime (a working day by default) or at logout.
 */
public final class Sessions {
    public static final String COOKIE = "openiru_session";
    private final Jdbi jdbi;
    private final Duration ttl;

    public Sessions(Jdbi jdbi, Duration ttl) {
        this.jdbi = jdbi;
        this.ttl = ttl;
    }

    /** A new session for the user; the returned secret goes into the cookie and nowhere else. */
    public record Started(String secret, Session session) {
    }

    public Started start(long userId, String ip, String userAgent) {
        String secret = Secrets.random(32);
        Session s = new Session(Secrets.sha256(secret), userId, Secrets.random(24), Instant.now().plus(ttl));
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO auth_sessions (secret_hash, user_id, csrf_token, expires_at, ip, user_agent)
                VALUES (:hash, :user, :csrf, :expires, :ip, :ua)""")
                .bind("hash", s.secretHash()).bind("user", userId).bind("csrf", s.csrfToken())
                .bind("expires", Rows.utc(s.expiresAt())).bind("ip", ip)
                .bind("ua", userAgent == null ? "" : truncate(userAgent, 300)).execute());
        return new Started(secret, s);
    }

    public Optional<Session> find(String secret) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.secret_hash, s.user_id, s.csrf_token, s.expires_at
                        FROM auth_sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.secret_hash = ? AND s.expires_at > now() AND u.active""")
                .bind(0, Secrets.sha256(secret))
                .map((rs, ctx) -> new Session(rs.getBytes(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .findOne());
    }

    public void end(Session s) {
        jdbi.useHandle(h -> h.execute("DELETE FROM auth_sessions WHERE secret_hash = ?", s.secretHash()));
    }

    public int purgeExpired() {
        return jdbi.withHandle(h -> h.execute("DELETE FROM auth_sessions WHERE expires_at <= now()"));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
