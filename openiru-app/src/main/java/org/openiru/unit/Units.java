package org.openiru.unit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.platform.Slugs;
import org.openiru.web.ApiException;

/** The units sharing this deployment. */
public final class Units {
    private final Jdbi jdbi;
    private final AuditLog audit;

    public Units(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** A unit as sent by a form or API client, before it is checked. */
    public record Input(String slug, String name, String country, String contactEmail) {
        Input check() {
            String n = name == null ? "" : name.strip();
            if (n.isEmpty() || n.length() > 200) {
                throw ApiException.badRequest("name", "A unit needs a name of 1-200 characters");
            }
            String s = slug == null || slug.isBlank() ? Slugs.of(n) : slug.strip();
            if (!s.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw ApiException.badRequest("slug", "Short name must be lower-case letters, digits and hyphens");
            }
            String c = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
            if (!c.matches("([A-Z]{2})?")) {
                throw ApiException.badRequest("country", "Country must be a two-letter ISO code, e.g. NL");
            }
            String e = contactEmail == null ? "" : contactEmail.strip();
            if (!e.isEmpty() && !e.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
                throw ApiException.badRequest("contactEmail", "Not an e-mail address: " + e);
            }
            return new Input(s, n, c, e);
        }
    }

    public List<Unit> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, country, contact_email FROM units "
                + "ORDER BY lower(name)").map((rs, ctx) -> map(rs)).list());
    }

    public Optional<Unit> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<Unit> findBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, country, contact_email FROM units "
                + "WHERE slug = ?").bind(0, slug).map((rs, ctx) -> map(rs)).findOne());
    }

    public Unit get(long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Unit " + id));
    }

    public Unit create(Actor actor, Input input) {
        Input in = input.check();
        return jdbi.inTransaction(h -> {
            requireFreeSlug(h, in.slug(), -1);
            long id = h.createUpdate("INSERT INTO units (slug, name, country, contact_email) "
                            + "VALUES (:slug, :name, :country, :email)")
                    .bind("slug", in.slug()).bind("name", in.name()).bind("country", in.country())
                    .bind("email", in.contactEmail()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Unit u = find(h, id).orElseThrow();
            audit.record(h, actor, "unit.created", "unit", id, u);
            return u;
        });
    }

    public Unit update(Actor actor, long id, Input input) {
        Input in = input.check();
        return jdbi.inTransaction(h -> {
            Unit before = find(h, id).orElseThrow(() -> ApiException.notFound("Unit " + id));
            requireFreeSlug(h, in.slug(), id);
            h.createUpdate("UPDATE units SET slug = :slug, name = :name, country = :country, contact_email = :email, "
                            + "updated_at = now() WHERE id = :id")
                    .bind("slug", in.slug()).bind("name", in.name()).bind("country", in.country())
                    .bind("email", in.contactEmail()).bind("id", id).execute();
            Unit after = find(h, id).orElseThrow();
            if (!after.equals(before)) {
                audit.record(h, actor, "unit.updated", "unit", id, Map.of("before", before, "after", after));
            }
            return after;
        });
    }

    private static void requireFreeSlug(Handle h, String slug, long exceptId) {
        if (h.createQuery("SELECT count(*) FROM units WHERE slug = ? AND id <> ?").bind(0, slug).bind(1, exceptId)
                .mapTo(Long.class).one() > 0) {
            throw ApiException.conflict("slug", "Another unit already has the short name " + slug);
        }
    }

    private static Optional<Unit> find(Handle h, long id) {
        return h.createQuery("SELECT id, slug, name, country, contact_email FROM units WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    private static Unit map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
