package org.openiru.campaign;

import static org.openiru.store.Rows.instant;
import static org.openiru.store.Rows.strings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.store.Rows;
import org.openiru.web.ApiException;

/**
 * Action days: planned by a supervisor of the organising unit (window, participating units and platforms, scope),
 * started and closed by one, with target actors. Referrals and orders made while a day runs are tagged by the
 * database ({@code running_action_day}); this class only moves the day through planned, running and closed.
 * Every change is audited in its transaction.
 */
public final class ActionDays {
    public static final int MAX_SCOPE = 100;
    public static final int MAX_TARGETS = 10_000;
    private static final String SELECT = """
            SELECT d.id, d.unit_id, u.name AS unit_name, d.name, d.description, d.starts_at, d.ends_at, d.status,
                   d.entities, d.queue_ids, d.saved_search_ids,
                   ARRAY(SELECT x.unit_id FROM action_day_units x WHERE x.action_day_id = d.id ORDER BY x.unit_id),
                   ARRAY(SELECT x.platform_id FROM action_day_platforms x WHERE x.action_day_id = d.id
                         ORDER BY x.platform_id),
                   d.created_at, d.started_at, d.closed_at
            FROM action_days d JOIN units u ON u.id = d.unit_id
            """;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    ActionDays(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What the form submits. The window is two local date-times in UTC ({@code 2026-12-02T08:00}, the form's
     * datetime-local value); the organising unit always takes part.
     */
    public record Input(String name, String description, String startsAt, String endsAt, List<Long> units,
                        List<Long> platforms, List<String> entities, List<Long> queues, List<Long> savedSearches) {
    }

    /** Staff of a participating unit and auditors see a day; platform users never reach these routes. */
    public static boolean mayView(User u, ActionDay d) {
        return u.has(Role.AUDITOR) || d.unitIds().contains(u.unitId());
    }

    /** Supervisors (and administrators) of the organising unit plan, start and close it. */
    public static boolean mayRun(User u, ActionDay d) {
        return (u.has(Role.SUPERVISOR) || u.has(Role.ADMIN)) && u.unitId() == d.unitId();
    }

    /** Analysts of the organising unit may also choose targets (from the network's takedown page). */
    public static boolean mayTarget(User u, ActionDay d) {
        return mayRun(u, d) || (u.has(Role.ANALYST) && u.unitId() == d.unitId());
    }

    /** The days the user may see, newest window first. */
    public List<ActionDay> list(User u) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                        WHERE CAST(:all AS boolean) OR d.unit_id = :unit
                           OR EXISTS (SELECT 1 FROM action_day_units x WHERE x.action_day_id = d.id AND x.unit_id = :unit)
                        ORDER BY d.starts_at DESC, d.id DESC""")
                .bind("all", u.has(Role.AUDITOR)).bind("unit", u.unitId()).map(ActionDays::row).list());
    }

    public Optional<ActionDay> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    private static Optional<ActionDay> find(Handle h, long id) {
        return h.createQuery(SELECT + "WHERE d.id = ?").bind(0, id).map(ActionDays::row).findOne();
    }

    /** The day if the user may see it; not found otherwise (a day of other units is not revealed). */
    public ActionDay visible(User u, long id) {
        return find(id).filter(d -> mayView(u, d)).orElseThrow(() -> ApiException.notFound("Action day " + id));
    }

    public ActionDay create(User u, Actor who, Input in) {
        if (!(u.has(Role.SUPERVISOR) || u.has(Role.ADMIN))) {
            throw ApiException.forbidden("Only supervisors plan action days");
        }
        return jdbi.inTransaction(h -> {
            Valid v = validate(h, u.unitId(), in);
            long id = h.createQuery("""
                            INSERT INTO action_days (unit_id, name, description, starts_at, ends_at, entities, queue_ids,
                                saved_search_ids, created_by, created_at)
                            VALUES (:unit, :name, :description, :starts, :ends, :entities, :queues, :searches, :by, :at)
                            RETURNING id""")
                    .bind("unit", u.unitId()).bind("by", u.id()).bind("at", Rows.utc(clock.instant()))
                    .bindMap(v.columns()).mapTo(Long.class).one();
            writeMembers(h, id, v);
            audit.record(h, who, "action_day.created", "action_day", id, v.audited());
            return find(h, id).orElseThrow();
        });
    }

    /** Changes a planned day; a running or closed one keeps what it ran with. */
    public ActionDay update(User u, Actor who, long id, Input in) {
        return jdbi.inTransaction(h -> {
            ActionDay d = lockForRunner(h, u, id);
            if (!d.planned()) {
                throw ApiException.conflict("status", "Only a planned action day can be changed; this one is "
                        + d.status());
            }
            Valid v = validate(h, d.unitId(), in);
            h.createUpdate("""
                            UPDATE action_days SET name = :name, description = :description, starts_at = :starts,
                                ends_at = :ends, entities = :entities, queue_ids = :queues, saved_search_ids = :searches
                            WHERE id = :id""")
                    .bind("id", id).bindMap(v.columns()).execute();
            h.execute("DELETE FROM action_day_units WHERE action_day_id = ?", id);
            h.execute("DELETE FROM action_day_platforms WHERE action_day_id = ?", id);
            writeMembers(h, id, v);
            audit.record(h, who, "action_day.updated", "action_day", id, v.audited());
            return find(h, id).orElseThrow();
        });
    }

    /** Starts a planned day: from now on its units' referrals and orders to its platforms carry its id. */
    public ActionDay start(User u, Actor who, long id) {
        return move(u, who, id, ActionDay.PLANNED, "started_at", ActionDay.RUNNING, "action_day.started");
    }

    /** Closes a running day: later referrals are no longer tagged; the final report counts from here. */
    public ActionDay close(User u, Actor who, long id) {
        return move(u, who, id, ActionDay.RUNNING, "closed_at", ActionDay.CLOSED, "action_day.closed");
    }

    private ActionDay move(User u, Actor who, long id, String from, String stamp, String to, String action) {
        return jdbi.inTransaction(h -> {
            ActionDay d = lockForRunner(h, u, id);
            if (!d.status().equals(from)) {
                throw ApiException.conflict("status", "The action day is " + d.status() + ", not " + from);
            }
            Instant now = clock.instant();
            h.createUpdate("UPDATE action_days SET status = :to, " + stamp + " = :now WHERE id = :id")
                    .bind("to", to).bind("now", Rows.utc(now)).bind("id", id).execute();
            audit.record(h, who, action, "action_day", id, Map.of("at", now.toString()));
            return find(h, id).orElseThrow();
        });
    }

    /** A target actor: the network's rank when it has one (1 = top). */
    public record Target(long actorId, String name, String platform, Integer rank, Instant addedAt, String addedBy) {
    }

    public List<Target> targets(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.actor_id, COALESCE(NULLIF(a.display_name, ''), a.handle, a.external_id), p.name,
                               r.rank, t.added_at, u.username
                        FROM action_day_targets t JOIN actors a ON a.id = t.actor_id
                        LEFT JOIN platforms p ON p.id = a.platform_id
                        LEFT JOIN network_actor_ranks r ON r.actor_id = t.actor_id
                        LEFT JOIN users u ON u.id = t.added_by
                        WHERE t.action_day_id = ?
                        ORDER BY r.rank NULLS LAST, t.actor_id""").bind(0, id)
                .map((rs, c) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), instant(rs, 5), rs.getString(6))).list());
    }

    /** Adds target actors (ids already targeted are left as they are); returns how many were new. */
    public int addTargets(User u, Actor who, long id, List<Long> actors) {
        if (actors.isEmpty()) {
            throw ApiException.badRequest("actor", "Choose at least one actor");
        }
        if (actors.size() > MAX_TARGETS) {
            throw ApiException.badRequest("actor", "At most " + MAX_TARGETS + " actors at once");
        }
        return jdbi.inTransaction(h -> {
            ActionDay d = lockForTargets(h, u, id);
            Long[] ids = new LinkedHashSet<>(actors).toArray(new Long[0]);
            List<Long> unknown = h.createQuery("""
                            SELECT x FROM unnest(CAST(:ids AS bigint[])) x
                            WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = x) ORDER BY x""")
                    .bind("ids", ids).mapTo(Long.class).list();
            if (!unknown.isEmpty()) {
                throw ApiException.badRequest("actor", "No actor with id " + unknown.get(0));
            }
            List<Long> added = h.createQuery("""
                            INSERT INTO action_day_targets (action_day_id, actor_id, added_by, added_at)
                            SELECT :day, x, :by, :at FROM unnest(CAST(:ids AS bigint[])) x
                            ON CONFLICT DO NOTHING RETURNING actor_id""")
                    .bind("day", d.id()).bind("by", u.id()).bind("at", Rows.utc(clock.instant())).bind("ids", ids)
                    .mapTo(Long.class).list();
            if (!added.isEmpty()) {
                audit.record(h, who, "action_day.targets_added", "action_day", id, Map.of("actors", added));
            }
            return added.size();
        });
    }

    public void removeTarget(User u, Actor who, long id, long actorId) {
        jdbi.useTransaction(h -> {
            lockForTargets(h, u, id);
            int n = h.execute("DELETE FROM action_day_targets WHERE action_day_id = ? AND actor_id = ?", id, actorId);
            if (n == 0) {
                throw ApiException.notFound("Target actor " + actorId);
            }
            audit.record(h, who, "action_day.target_removed", "action_day", id, Map.of("actor", actorId));
        });
    }

    /** What the form offers to choose from. */
    public record Choice(String key, String label) {
    }

    /** The units, platforms, queues, entities and saved searches the form of {@code unitId}'s supervisor offers. */
    public record Choices(List<Choice> units, List<Choice> platforms, List<Choice> queues, List<Choice> entities,
                          List<Choice> savedSearches) {
    }

    /**
     * Entities: those of terrorist assessments and of the current reference data; queues: those open to the
     * unit; saved searches: the unit's own.
     */
    public Choices choices(long unitId) {
        return jdbi.withHandle(h -> new Choices(
                choices(h, "SELECT CAST(id AS text), name FROM units ORDER BY name", unitId),
                choices(h, "SELECT CAST(id AS text), name FROM platforms ORDER BY name", unitId),
                choices(h, "SELECT CAST(id AS text), name FROM review_queues WHERE unit_id IS NULL OR unit_id = :unit "
                        + "ORDER BY name", unitId),
                choices(h, """
                        SELECT e, e FROM (
                            SELECT DISTINCT entity AS e FROM review_assessments WHERE outcome = 'terrorist'
                            UNION SELECT de.name FROM detect_entities de
                            JOIN detect_current_reference c ON c.version_id = de.version_id) x
                        WHERE e <> '' ORDER BY e""", unitId),
                choices(h, "SELECT CAST(id AS text), name FROM saved_searches WHERE unit_id = :unit ORDER BY name",
                        unitId)));
    }

    private static List<Choice> choices(Handle h, String sql, long unitId) {
        var q = h.createQuery(sql);
        if (sql.contains(":unit")) {
            q.bind("unit", unitId);
        }
        return q.map((rs, c) -> new Choice(rs.getString(1), rs.getString(2))).list();
    }

    /** The checked input, as the insert binds it and the audit row records it. */
    private record Valid(Map<String, Object> columns, List<Long> units, List<Long> platforms,
                         Map<String, Object> audited) {
    }

    private static Valid validate(Handle h, long organiser, Input in) {
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiException.badRequest("name", "Give the action day a name of 1 to 200 characters");
        }
        String description = in.description() == null ? "" : in.description().strip();
        if (description.length() > 4000) {
            throw ApiException.badRequest("description", "The description may have at most 4000 characters");
        }
        Instant starts = dateTime("startsAt", in.startsAt());
        Instant ends = dateTime("endsAt", in.endsAt());
        if (!ends.isAfter(starts)) {
            throw ApiException.badRequest("endsAt", "The end must be after the start");
        }
        List<Long> units = new ArrayList<>(new LinkedHashSet<>(concat(List.of(organiser), in.units())));
        known(h, "units", "units", units, "unit");
        List<Long> platforms = distinct(in.platforms());
        if (platforms.isEmpty()) {
            throw ApiException.badRequest("platforms", "Choose at least one platform");
        }
        known(h, "platforms", "platforms", platforms, "platform");
        List<String> entities = in.entities() == null ? List.of() : in.entities().stream().map(String::strip)
                .filter(e -> !e.isEmpty()).distinct().toList();
        if (entities.stream().anyMatch(e -> e.length() > 200)) {
            throw ApiException.badRequest("entities", "An entity name may have at most 200 characters");
        }
        List<Long> queues = distinct(in.queues());
        known(h, "review_queues", "queues", queues, "queue");
        List<Long> searches = distinct(in.savedSearches());
        List<Long> foreign = h.createQuery("""
                        SELECT x FROM unnest(CAST(:ids AS bigint[])) x WHERE NOT EXISTS (SELECT 1 FROM saved_searches s
                            WHERE s.id = x AND s.unit_id = ANY(CAST(:units AS bigint[]))) ORDER BY x""")
                .bind("ids", searches.toArray(new Long[0])).bind("units", units.toArray(new Long[0]))
                .mapTo(Long.class).list();
        if (!foreign.isEmpty()) {
            throw ApiException.badRequest("savedSearches", "No saved search " + foreign.get(0)
                    + " of a participating unit");
        }
        for (var list : List.of(entities, queues, searches, platforms, units)) {
            if (list.size() > MAX_SCOPE) {
                throw ApiException.badRequest("scope", "At most " + MAX_SCOPE + " of each kind");
            }
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("name", name);
        columns.put("description", description);
        columns.put("starts", Rows.utc(starts));
        columns.put("ends", Rows.utc(ends));
        columns.put("entities", entities.toArray(new String[0]));
        columns.put("queues", queues.toArray(new Long[0]));
        columns.put("searches", searches.toArray(new Long[0]));
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("name", name);
        audited.put("startsAt", starts.toString());
        audited.put("endsAt", ends.toString());
        audited.put("units", units);
        audited.put("platforms", platforms);
        audited.put("entities", entities);
        audited.put("queues", queues);
        audited.put("savedSearches", searches);
        return new Valid(columns, units, platforms, audited);
    }

    private static void writeMembers(Handle h, long id, Valid v) {
        h.createUpdate("INSERT INTO action_day_units (action_day_id, unit_id) "
                        + "SELECT :id, x FROM unnest(CAST(:ids AS bigint[])) x")
                .bind("id", id).bind("ids", v.units().toArray(new Long[0])).execute();
        h.createUpdate("INSERT INTO action_day_platforms (action_day_id, platform_id) "
                        + "SELECT :id, x FROM unnest(CAST(:ids AS bigint[])) x")
                .bind("id", id).bind("ids", v.platforms().toArray(new Long[0])).execute();
    }

    private static ActionDay lockForRunner(Handle h, User u, long id) {
        ActionDay d = lock(h, u, id);
        if (!mayRun(u, d)) {
            throw ApiException.forbidden("Only supervisors of " + d.unitName() + " run this action day");
        }
        return d;
    }

    private static ActionDay lockForTargets(Handle h, User u, long id) {
        ActionDay d = lock(h, u, id);
        if (!mayTarget(u, d)) {
            throw ApiException.forbidden("Only supervisors and analysts of " + d.unitName()
                    + " choose this action day's targets");
        }
        if (d.closed()) {
            throw ApiException.conflict("status", "The action day is closed");
        }
        return d;
    }

    private static ActionDay lock(Handle h, User u, long id) {
        h.execute("SELECT id FROM action_days WHERE id = ? FOR UPDATE", id);
        return find(h, id).filter(d -> mayView(u, d)).orElseThrow(() -> ApiException.notFound("Action day " + id));
    }

    private static void known(Handle h, String table, String field, List<Long> ids, String what) {
        List<Long> unknown = h.createQuery("SELECT x FROM unnest(CAST(:ids AS bigint[])) x WHERE NOT EXISTS "
                        + "(SELECT 1 FROM " + table + " t WHERE t.id = x) ORDER BY x")
                .bind("ids", ids.toArray(new Long[0])).mapTo(Long.class).list();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(field, "No " + what + " with id " + unknown.get(0));
        }
    }

    /** A datetime-local value (UTC), e.g. {@code 2026-12-02T08:00}; an ISO instant is accepted too. */
    static Instant dateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, field + " is required (a date and time, UTC)");
        }
        String v = value.strip();
        try {
            return v.endsWith("Z") ? Instant.parse(v) : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be a date and time like 2026-12-02T08:00 (UTC)");
        }
    }

    private static List<Long> distinct(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().distinct().toList();
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }


    private static ActionDay row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws SQLException {
        return new ActionDay(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs, 6), instant(rs, 7), rs.getString(8), strings(rs, 9), longs(rs, 10), longs(rs, 11),
                longs(rs, 12), longs(rs, 13), instant(rs, 14), instant(rs, 15), instant(rs, 16));
    }

    static List<Long> longs(ResultSet rs, int column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        return a == null ? List.of() : List.of((Long[]) a.getArray());
    }
}
