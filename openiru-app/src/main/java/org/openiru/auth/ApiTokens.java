package org.openiru.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Rows;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.ApiException;

/**
 * Bearer tokens for machine clients (other units' tools, platforms' systems, HMA-compatible clients). A
 * token is shown once when created; only its SHA-256 is kept.
 */
public final class ApiTokens {
    public static final String PREFIX = "oiru_";
    private final Jdbi jdbi;
    private final AuditLog audit;

    public ApiTokens(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public record Created(long id, String token) {
    }

    public record TokenInfo(long id, long userId, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                            Instant expiresAt, Instant revokedAt) {
    }

    public Created create(Actor actor, long userId, String name, Instant expiresAt) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ApiException.badRequest("name", "A token needs a name of 1-100 characters");
        }
        String token = PREFIX + Secrets.random(32);
        String shown = token.substring(0, PREFIX.length() + 6);
        long id = jdbi.inTransaction(h -> {
            long tokenId = h.createUpdate("""
                    INSERT INTO api_tokens (user_id, name, prefix, secret_hash, expires_at)
                    VALUES (:user, :name, :prefix, :hash, :expires)""")
                    .bind("user", userId).bind("name", name.strip()).bind("prefix", shown)
                    .bind("hash", Secrets.sha256(token))
                    .bind("expires", Rows.utc(expiresAt))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "token.created", "api_token", tokenId,
                    Map.of("user_id", userId, "name", name.strip(), "prefix", shown));
            return tokenId;
        });
        return new Created(id, token);
    }

    /** The user of a valid, unexpired, unrevoked token; marks it used. */
    public Optional<Long> userOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE api_tokens t SET last_used_at = now()
                        FROM users u
                        WHERE t.secret_hash = ? AND u.id = t.user_id AND u.active AND t.revoked_at IS NULL
                          AND (t.expires_at IS NULL OR t.expires_at > now())
                        RETURNING t.user_id""")
                .bind(0, Secrets.sha256(token)).mapTo(Long.class).findOne());
    }

    public List<TokenInfo> listFor(long userId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, user_id, name, prefix, created_at, last_used_at, expires_at, revoked_at
                        FROM api_tokens WHERE user_id = ? ORDER BY id DESC""")
                .bind(0, userId)
                .map((rs, ctx) -> new TokenInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        instant(rs.getObject(5, OffsetDateTime.class)), instant(rs.getObject(6, OffsetDateTime.class)),
                        instant(rs.getObject(7, OffsetDateTime.class)), instant(rs.getObject(8, OffsetDateTime.class))))
                .list());
    }

    public void revoke(Actor actor, long userId, long tokenId) {
        jdbi.useTransaction(h -> {
            int n = h.execute("UPDATE api_tokens SET revoked_at = now() WHERE id = ? AND user_id = ? "
                    + "AND revoked_at IS NULL", tokenId, userId);
            if (n == 0) {
                throw ApiException.notFound("Token " + tokenId);
            }
            audit.record(h, actor, "token.revoked", "api_token", tokenId, Map.of("user_id", userId));
        });
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
