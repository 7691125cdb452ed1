package org.openiru.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.ApiException;

/** The platforms table: create, change, look up; every change audited with before and after. */
public final class Platforms {
    private static final String COLUMNS = "id, slug, name, kind, domains, referral_email, webhook_url, tco_contact, "
            + "accepted_languages, legal_representative, main_establishment";
    private final Jdbi jdbi;
    private final AuditLog audit;

    public Platforms(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public List<Platform> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM platforms ORDER BY lower(name)")
                .map(Platforms::map).list());
    }

    public Optional<Platform> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<Platform> findBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM platforms WHERE slug = ?")
                .bind(0, slug).map(Platforms::map).findOne());
    }

    public Platform get(long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Platform " + id));
    }

    public Platform create(Actor actor, PlatformInput input) {
        PlatformInput in = input.check();
        return jdbi.inTransaction(h -> {
            requireFreeSlug(h, in.slug(), -1);
            long id = bind(h.createUpdate("""
                    INSERT INTO platforms (slug, name, kind, domains, referral_email, webhook_url, tco_contact,
                        accepted_languages, legal_representative, main_establishment)
                    VALUES (:slug, :name, :kind, :domains, :email, :hook, :tco, :langs, :rep, :state)"""), in)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Platform p = find(h, id).orElseThrow();
            audit.record(h, actor, "platform.created", "platform", id, p);
            return p;
        });
    }

    public Platform update(Actor actor, long id, PlatformInput input) {
        PlatformInput in = input.check();
        return jdbi.inTransaction(h -> {
            Platform before = h.createQuery("SELECT " + COLUMNS + " FROM platforms WHERE id = ? FOR UPDATE")
                    .bind(0, id).map(Platforms::map).findOne()
                    .orElseThrow(() -> ApiException.notFound("Platform " + id));
            requireFreeSlug(h, in.slug(), id);
            bind(h.createUpdate("""
                    UPDATE platforms SET slug = :slug, name = :name, kind = :kind, domains = :domains,
                        referral_email = :email, webhook_url = :hook, tco_contact = :tco, accepted_languages = :langs,
                        legal_representative = :rep, main_establishment = :state, updated_at = now()
                    WHERE id = :id"""), in).bind("id", id).execute();
            Platform after = find(h, id).orElseThrow();
            if (!after.equals(before)) {
                audit.record(h, actor, "platform.updated", "platform", id, Map.of("before", before, "after", after));
            }
            return after;
        });
    }

    private static void requireFreeSlug(Handle h, String slug, long exceptId) {
        if (h.createQuery("SELECT count(*) FROM platforms WHERE slug = ? AND id <> ?").bind(0, slug)
                .bind(1, exceptId).mapTo(Long.class).one() > 0) {
            throw ApiException.conflict("slug", "Another platform already has the short name " + slug);
        }
    }

    private static Update bind(Update u, PlatformInput in) {
        return u.bind("slug", in.slug()).bind("name", in.name()).bind("kind", in.kind())
                .bind("domains", in.domains().toArray(String[]::new)).bind("email", in.referralEmail())
                .bind("hook", in.webhookUrl()).bind("tco", in.tcoContact())
                .bind("langs", in.acceptedLanguages().toArray(String[]::new)).bind("rep", in.legalRepresentative())
                .bind("state", in.mainEstablishment());
    }

    private static Optional<Platform> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM platforms WHERE id = ?").bind(0, id)
                .map(Platforms::map).findOne();
    }

    static Platform map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Platform(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("kind"),
                Arrays.asList((String[]) rs.getArray("domains").getArray()), rs.getString("referral_email"),
                rs.getString("webhook_url"), rs.getString("tco_contact"),
                Arrays.asList((String[]) rs.getArray("accepted_languages").getArray()),
                rs.getString("legal_representative"), rs.getString("main_establishment"));
    }
}
