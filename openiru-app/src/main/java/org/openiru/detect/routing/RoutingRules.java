package org.openiru.detect.routing;

import static org.openiru.store.Rows.instant;

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

/**
 * The routing rules as data: listed in position order, added, changed, moved up or down, enabled or disabled by
 * supervisors. Every change is one transaction with its audit record (the rule as it is afterwards).
 */
public final class RoutingRules {
    private static final String SELECT = """
            SELECT r.id, r.position, r.name, r.enabled, r.queue_id, q.name AS queue, r.reason, r.min_priority,
                   r.max_priority, r.label, r.platform_id, p.name AS platform, r.language, r.media_type, r.source_kind,
                   r.sample_every, r.updated_by, r.updated_at
            FROM detect_routing_rules r JOIN review_queues q ON q.id = r.queue_id
            LEFT JOIN platforms p ON p.id = r.platform_id
            """;
    private final Jdbi jdbi;
    private final AuditLog audit;

    public RoutingRules(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public List<RoutingRule> list() {
        return jdbi.withHandle(RoutingRules::list);
    }

    /** The rules in position order, in the caller's transaction. */
    public static List<RoutingRule> list(Handle h) {
        return h.createQuery(SELECT + "ORDER BY r.position").map(RoutingRules::rule).list();
    }

    public RoutingRule find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    private static RoutingRule find(Handle h, long id) {
        return h.createQuery(SELECT + "WHERE r.id = ?").bind(0, id).map(RoutingRules::rule).findOne()
                .orElseThrow(() -> ApiException.notFound("Routing rule " + id));
    }

    /** Adds a rule after the last one. */
    public RoutingRule add(Actor who, RoutingRule.Input input) {
        RoutingRule.Input in = input.validated();
        return jdbi.inTransaction(h -> {
            lockAll(h);
            long id = h.createQuery("""
                            INSERT INTO detect_routing_rules (position, name, queue_id, updated_by)
                            VALUES ((SELECT COALESCE(max(position), 0) + 1 FROM detect_routing_rules), ?, ?, ?)
                            RETURNING id""")
                    .bind(0, in.name()).bind(1, queueId(h, in.queue())).bind(2, who.name()).mapTo(Long.class).one();
            return write(h, who, id, in, "detect.routing.rule_added");
        });
    }

    public RoutingRule update(Actor who, long id, RoutingRule.Input input) {
        RoutingRule.Input in = input.validated();
        return jdbi.inTransaction(h -> {
            lockAll(h);
            find(h, id);
            return write(h, who, id, in, "detect.routing.rule_changed");
        });
    }

    /** Swaps the rule with the one before ({@code up}) or after it; at either end nothing moves. */
    public RoutingRule move(Actor who, long id, boolean up) {
        return jdbi.inTransaction(h -> {
            lockAll(h);
            RoutingRule r = find(h, id);
            h.createQuery("SELECT id, position FROM detect_routing_rules WHERE " + (up
                            ? "position < ? ORDER BY position DESC" : "position > ? ORDER BY position") + " LIMIT 1")
                    .bind(0, r.position()).map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne()
                    .ifPresent(other -> {
                        // the position constraint is checked at commit, so the two can swap in two statements
                        h.execute("UPDATE detect_routing_rules SET position = ? WHERE id = ?", (int) other[1], id);
                        h.execute("UPDATE detect_routing_rules SET position = ? WHERE id = ?", r.position(), other[0]);
                    });
            RoutingRule moved = find(h, id);
            audit.record(h, who, "detect.routing.rule_moved", "routing_rule", id, Map.of("name", moved.name(),
                    "from", r.position(), "to", moved.position()));
            return moved;
        });
    }

    public RoutingRule setEnabled(Actor who, long id, boolean enabled) {
        return jdbi.inTransaction(h -> {
            lockAll(h);
            find(h, id);
            h.execute("UPDATE detect_routing_rules SET enabled = ?, updated_by = ?, updated_at = now() WHERE id = ?",
                    enabled, who.name(), id);
            RoutingRule r = find(h, id);
            audit.record(h, who, enabled ? "detect.routing.rule_enabled" : "detect.routing.rule_disabled",
                    "routing_rule", id, Map.of("name", r.name(), "position", r.position()));
            return r;
        });
    }

    private RoutingRule write(Handle h, Actor who, long id, RoutingRule.Input in, String action) {
        if (in.platformId() != null && h.createQuery("SELECT count(*) FROM platforms WHERE id = ?")
                .bind(0, in.platformId()).mapTo(Long.class).one() == 0) {
            throw ApiException.badRequest("platformId", "No platform " + in.platformId());
        }
        h.createUpdate("""
                        UPDATE detect_routing_rules SET name = :name, queue_id = :queue, reason = :reason,
                            min_priority = :min, max_priority = :max, label = :label, platform_id = :platform,
                            language = :language, media_type = :media, source_kind = :kind, sample_every = :every,
                            enabled = :enabled, updated_by = :by, updated_at = now()
                        WHERE id = :id""")
                .bind("name", in.name()).bind("queue", queueId(h, in.queue())).bind("reason", in.reason())
                .bind("min", in.minPriority()).bind("max", in.maxPriority()).bind("label", in.label())
                .bind("platform", in.platformId()).bind("language", in.language()).bind("media", in.mediaType())
                .bind("kind", in.sourceKind()).bind("every", in.sampleEvery()).bind("enabled", in.enabled())
                .bind("by", who.name()).bind("id", id).execute();
        RoutingRule r = find(h, id);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", r.name());
        payload.put("position", r.position());
        payload.put("queue", r.queue());
        payload.put("enabled", r.enabled());
        payload.put("reason", r.reason());
        payload.put("minPriority", r.minPriority());
        payload.put("maxPriority", r.maxPriority());
        payload.put("label", r.label());
        payload.put("platformId", r.platformId());
        payload.put("language", r.language());
        payload.put("mediaType", r.mediaType());
        payload.put("sourceKind", r.sourceKind());
        payload.put("sampleEvery", r.sampleEvery());
        audit.record(h, who, action, "routing_rule", id, payload);
        return r;
    }

    /** One change to the rules at a time, so that positions stay a sequence. */
    private static void lockAll(Handle h) {
        h.execute("LOCK TABLE detect_routing_rules IN SHARE ROW EXCLUSIVE MODE");
    }

    private static long queueId(Handle h, String name) {
        return h.createQuery("SELECT id FROM review_queues WHERE name = ?").bind(0, name).mapTo(Long.class).findOne()
                .orElseThrow(() -> ApiException.badRequest("queue", "No queue named " + name));
    }

    private static RoutingRule rule(ResultSet rs, StatementContext c) throws SQLException {
        return new RoutingRule(rs.getLong("id"), rs.getInt("position"), rs.getString("name"), rs.getBoolean("enabled"),
                rs.getLong("queue_id"), rs.getString("queue"), rs.getString("reason"),
                (Integer) rs.getObject("min_priority"), (Integer) rs.getObject("max_priority"), rs.getString("label"),
                (Long) rs.getObject("platform_id"), rs.getString("platform"), rs.getString("language"),
                rs.getString("media_type"), rs.getString("source_kind"), rs.getInt("sample_every"),
                rs.getString("updated_by"), instant(rs, "updated_at"));
    }
}
