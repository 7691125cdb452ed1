package org.openiru.verify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.ApiException;

/** The "gone" markers: read by every batch of checks, edited by supervisors, each change audited. */
public final class GoneMarkers {
    /** A marker as entered; {@code platformId} null applies it to every platform. */
    public record Input(Long platformId, String hostPattern, String kind, String pattern, String label, String note,
                        boolean enabled) {
    }

    private static final String COLUMNS = "id, platform_id, host_pattern, kind, pattern, label, note, enabled";
    private final Jdbi jdbi;
    private final AuditLog audit;

    public GoneMarkers(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public List<GoneMarker> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM verify_gone_markers ORDER BY "
                + "host_pattern, kind, id").map(GoneMarkers::map).list());
    }

    /** Enabled markers, status markers before redirect ones before page texts (the order they are tried in). */
    public List<GoneMarker> enabled() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM verify_gone_markers WHERE enabled "
                + "ORDER BY array_position(ARRAY['status', 'redirect', 'body'], kind), id")
                .map(GoneMarkers::map).list());
    }

    public GoneMarker create(Actor who, Input in) {
        Input v = validate(in);
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("""
                    INSERT INTO verify_gone_markers (platform_id, host_pattern, kind, pattern, label, note, enabled,
                        updated_by)
                    VALUES (:platform, :host, :kind, :pattern, :label, :note, :enabled, :by) RETURNING id""")
                    .bindMap(params(v)).bind("by", who.userId()).mapTo(Long.class).one();
            GoneMarker m = find(h, id);
            audit.record(h, who, "verify.marker.created", "gone_marker", id, Map.of("after", m));
            return m;
        });
    }

    public GoneMarker update(Actor who, long id, Input in) {
        Input v = validate(in);
        return jdbi.inTransaction(h -> {
            GoneMarker before = find(h, id);
            h.createUpdate("""
                    UPDATE verify_gone_markers SET platform_id = :platform, host_pattern = :host, kind = :kind,
                        pattern = :pattern, label = :label, note = :note, enabled = :enabled, updated_by = :by,
                        updated_at = now()
                    WHERE id = :id""").bindMap(params(v)).bind("by", who.userId()).bind("id", id).execute();
            GoneMarker after = find(h, id);
            audit.record(h, who, "verify.marker.updated", "gone_marker", id, Map.of("before", before, "after", after));
            return after;
        });
    }

    public GoneMarker get(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    private static GoneMarker find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM verify_gone_markers WHERE id = ?").bind(0, id)
                .map(GoneMarkers::map).findOne().orElseThrow(() -> ApiException.notFound("Gone marker " + id));
    }

    private static Map<String, Object> params(Input v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("platform", v.platformId());
        m.put("host", v.hostPattern());
        m.put("kind", v.kind());
        m.put("pattern", v.pattern());
        m.put("label", v.label());
        m.put("note", v.note());
        m.put("enabled", v.enabled());
        return m;
    }

    /** Checks every field with a message naming it; returns the input trimmed. */
    static Input validate(Input in) {
        String host = in.hostPattern() == null || in.hostPattern().isBlank() ? "*"
                : in.hostPattern().strip().toLowerCase(java.util.Locale.ROOT);
        if (!host.matches("[*]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
            throw ApiException.badRequest("hostPattern", "hostPattern must be * or a host name such as t.me");
        }
        String kind = in.kind() == null ? "" : in.kind().strip();
        if (!GoneMarker.KINDS.contains(kind)) {
            throw ApiException.badRequest("kind", "kind must be one of " + String.join(", ", GoneMarker.KINDS));
        }
        String pattern = in.pattern() == null ? "" : in.pattern().strip();
        if (pattern.isEmpty() || pattern.length() > 500) {
            throw ApiException.badRequest("pattern", "pattern must be 1 to 500 characters");
        }
        if (kind.equals("status")) {
            pattern = pattern.replace(" ", "");
            if (!pattern.matches("[1-5][0-9][0-9](,[1-5][0-9][0-9])*")) {
                throw ApiException.badRequest("pattern", "pattern of a status marker must be HTTP codes separated "
                        + "by commas, such as 404,410");
            }
        }
        String label = in.label() == null ? "" : in.label().strip();
        if (label.isEmpty() || label.length() > 200) {
            throw ApiException.badRequest("label", "label must be 1 to 200 characters");
        }
        return new Input(in.platformId(), host, kind, pattern, label, in.note() == null ? "" : in.note().strip(),
                in.enabled());
    }

    private static GoneMarker map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new GoneMarker(rs.getLong("id"), rs.getObject("platform_id") == null ? null : rs.getLong("platform_id"),
                rs.getString("host_pattern"), rs.getString("kind"), rs.getString("pattern"), rs.getString("label"),
                rs.getString("note"), rs.getBoolean("enabled"));
    }
}
