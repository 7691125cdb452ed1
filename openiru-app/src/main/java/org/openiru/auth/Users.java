package org.openiru.auth;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.ApiException;

/** User accounts: local (password) or from an OpenID Connect provider. */
public final class Users {
    private static final String COLUMNS =
            "id, unit_id, username, display_name, email, roles, platform_id, language, active";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PasswordHasher passwords;

    public Users(Jdbi jdbi, AuditLog audit, PasswordHasher passwords) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.passwords = passwords;
    }

    /** What is needed to create an account; {@code password} may be null for single-sign-on users. */
    public record NewUser(long unitId, String username, String displayName, String email, Set<Role> roles,
                          Long platformId, String language, String password) {
    }

    public User create(Actor actor, NewUser n) {
        validate(n);
        String hash = n.password() == null ? null : passwords.hash(n.password());
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT count(*) FROM users WHERE lower(username) = lower(?)").bind(0, n.username())
                    .mapTo(Long.class).one() > 0) {
                throw ApiException.conflict("username", "User name " + n.username() + " is taken");
            }
            long id = h.createUpdate("""
                    INSERT INTO users (unit_id, username, display_name, email, password_hash, roles, platform_id,
                        language) VALUES (:unit, :username, :display, :email, :hash, :roles, :platform, :lang)""")
                    .bind("unit", n.unitId()).bind("username", n.username()).bind("display", n.displayName())
                    .bind("email", n.email()).bind("hash", hash).bind("roles", roleIds(n.roles()))
                    .bind("platform", n.platformId()).bind("lang", n.language())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            User u = find(h, id).orElseThrow();
            audit.record(h, actor, "user.created", "user", id, describe(u));
            return u;
        });
    }

    private void validate(NewUser n) {
        if (n.username() == null || !n.username().matches("[A-Za-z0-9._@-]{1,100}")) {
            throw ApiException.badRequest("username",
                    "User name must be 1-100 characters of letters, digits and . _ @ -");
        }
        if (n.roles() == null || n.roles().isEmpty()) {
            throw ApiException.badRequest("roles", "At least one role is needed: " + Role.accepted());
        }
        boolean platformUser = n.roles().contains(Role.PLATFORM);
        if (platformUser && (n.roles().size() != 1 || n.platformId() == null)) {
            throw ApiException.badRequest("platform",
                    "A platform user has only the platform role and must be bound to one platform");
        }
        if (!platformUser && n.platformId() != null) {
            throw ApiException.badRequest("platform", "Only platform users are bound to a platform");
        }
        if (n.password() != null) {
            PasswordHasher.checkStrength(n.password());
        }
        if (!"en".equals(n.language()) && !"ar".equals(n.language())) {
            throw ApiException.badRequest("language", "Language must be en or ar");
        }
    }

    public Optional<User> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    Optional<User> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = ?").bind(0, id).map(Users::map).findOne();
    }

    public Optional<User> findByUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE lower(username) = lower(?)")
                .bind(0, username).map(Users::map).findOne());
    }

    /** The user whose password this is, if the account is active and local. */
    public Optional<User> checkPassword(String username, String password) {
        Optional<String> hash = jdbi.withHandle(h -> h.createQuery(
                        "SELECT password_hash FROM users WHERE lower(username) = lower(?) AND active")
                .bind(0, username).mapTo(String.class).findOne());
        if (hash.isEmpty() || hash.get() == null) {
            passwords.burnTime(password);
            return Optional.empty();
        }
        return passwords.matches(password, hash.get()) ? findByUsername(username) : Optional.empty();
    }

    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY username")
                .map(Users::map).list());
    }

    public void setLanguage(Actor actor, long userId, String language) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE users SET language = ?, updated_at = now() WHERE id = ?")
                    .bind(0, language).bind(1, userId).execute();
            audit.record(h, actor, "user.language_changed", "user", userId, Map.of("language", language));
        });
    }

    /** Activates or deactivates an account; a deactivated user's sessions end at once and tokens stop working. */
    public User setActive(Actor actor, long userId, boolean active) {
        return jdbi.inTransaction(h -> {
            User before = find(h, userId).orElseThrow(() -> ApiException.notFound("User " + userId));
            if (before.active() == active) {
                return before;
            }
            if (!active && actor.userId() != null && actor.userId() == userId) {
                throw ApiException.conflict("active", "You cannot deactivate your own account");
            }
            h.execute("UPDATE users SET active = ?, updated_at = now() WHERE id = ?", active, userId);
            if (!active) {
                h.execute("DELETE FROM auth_sessions WHERE user_id = ?", userId);
            }
            audit.record(h, actor, active ? "user.activated" : "user.deactivated", "user", userId, Map.of());
            return find(h, userId).orElseThrow();
        });
    }

    /** Finds or creates the account of a single-sign-on user and keeps its roles in step with the provider. */
    public User upsertOidc(Actor actor, String issuer, String subject, String username, String displayName,
                           String email, Set<Role> roles, long unitId) {
        return jdbi.inTransaction(h -> {
            Optional<Long> existing = h.createQuery(
                            "SELECT id FROM users WHERE oidc_issuer = ? AND oidc_subject = ?")
                    .bind(0, issuer).bind(1, subject).mapTo(Long.class).findOne();
            if (existing.isPresent()) {
                User before = find(h, existing.get()).orElseThrow();
                if (!before.roles().equals(roles) || !before.displayName().equals(displayName)) {
                    h.createUpdate("UPDATE users SET roles = :roles, display_name = :d, email = :e, updated_at = now() "
                                    + "WHERE id = :id")
                            .bind("roles", roleIds(roles)).bind("d", displayName).bind("e", email)
                            .bind("id", before.id()).execute();
                    audit.record(h, actor, "user.updated_from_sso", "user", before.id(),
                            Map.of("before", describe(before), "after",
                                    describe(find(h, before.id()).orElseThrow())));
                }
                return find(h, existing.get()).orElseThrow();
            }
            String name = username;
            int n = 1;
            while (h.createQuery("SELECT count(*) FROM users WHERE lower(username) = lower(?)").bind(0, name)
                    .mapTo(Long.class).one() > 0) {
                name = username + "-" + (++n);
            }
            long id = h.createUpdate("""
                    INSERT INTO users (unit_id, username, display_name, email, roles, oidc_issuer, oidc_subject)
                    VALUES (:unit, :username, :display, :email, :roles, :iss, :sub)""")
                    .bind("unit", unitId).bind("username", name).bind("display", displayName).bind("email", email)
                    .bind("roles", roleIds(roles)).bind("iss", issuer).bind("sub", subject)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            User u = find(h, id).orElseThrow();
            audit.record(h, actor, "user.created_from_sso", "user", id, describe(u));
            return u;
        });
    }

    static Map<String, Object> describe(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("unit_id", u.unitId());
        m.put("roles", roleIds(u.roles()));
        m.put("platform_id", u.platformId());
        m.put("active", u.active());
        return m;
    }

    static String[] roleIds(Set<Role> roles) {
        return roles.stream().map(Role::id).sorted().toArray(String[]::new);
    }

    static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        Array a = rs.getArray("roles");
        Set<Role> roles = Arrays.stream((String[]) a.getArray()).map(r -> Role.parse(r).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new User(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("username"),
                rs.getString("display_name"), rs.getString("email"), Set.copyOf(roles),
                (Long) rs.getObject("platform_id"), rs.getString("language"), rs.getBoolean("active"));
    }
}
