package org.openiru.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Rows;

/**
 * The figures of an action day, all aggregates of the {@code action_day_items} view: the live board, its JSON and
 * the final report read them from here. docs/reports.md ("Action day figures") carries these statements word for
 * word, so that an auditor can run them and get the same numbers.
 */
public final class ActionDayFiguresQuery {
    /** Key actors listed at most. */
    public static final int KEY_ACTORS = 50;

    /** The counts per status and the percentiles of the time to removal, of each group. */
    private static final String AGGREGATES = """
                   count(*) FILTER (WHERE status = 'removed') AS removed,
                   count(*) FILTER (WHERE status = 'pending') AS pending,
                   count(*) FILTER (WHERE status = 'rejected') AS rejected,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(0, extract(epoch FROM removed_at - referred_at)))
                       FILTER (WHERE status = 'removed') AS median_seconds,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY GREATEST(0, extract(epoch FROM removed_at - referred_at)))
                       FILTER (WHERE status = 'removed') AS p90_seconds
            """;

    /**
     * Counts per status with the median and 90th percentile of the time to removal, once over the day and once per
     * platform, entity, content type, unit and kind (one pass over the view, grouping sets).
     */
    static final String COUNTS = """
            SELECT GROUPING(platform_id, entity, content_type, unit_id, kind) AS grouping_mask,
                   platform_id, entity, content_type, unit_id, kind,
                   count(*) AS referred,
            """ + AGGREGATES + """
            FROM (SELECT platform_id, entity, COALESCE(content_type, '') AS content_type, unit_id, kind, status,
                         referred_at, removed_at
                  FROM action_day_items WHERE action_day_id = :day) x
            GROUP BY GROUPING SETS ((), (platform_id), (entity), (content_type), (unit_id), (kind))""";

    /**
     * The live board's counts: the same as {@link #COUNTS} for the total and per platform only (the board shows no
     * other breakdown, and each breakdown costs a sort of the day's rows).
     */
    static final String BOARD_COUNTS = """
            SELECT GROUPING(platform_id) * 16 + 15 AS grouping_mask,
                   platform_id, count(*) AS referred,
            """ + AGGREGATES + """
            FROM action_day_items
            WHERE action_day_id = :day
            GROUP BY GROUPING SETS ((), (platform_id))""";

    /** The actors whose items were referred: the day's targets first, then by network rank, then by items. */
    static final String KEY_ACTOR_ROWS = """
            SELECT x.actor_id, COALESCE(NULLIF(a.display_name, ''), a.handle, a.external_id) AS name,
                   p.name AS platform, r.rank, t.actor_id IS NOT NULL AS target, x.referred, x.removed
            FROM (SELECT actor_id, count(*) AS referred, count(*) FILTER (WHERE status = 'removed') AS removed
                  FROM action_day_items WHERE action_day_id = :day AND actor_id IS NOT NULL
                  GROUP BY actor_id) x
            JOIN actors a ON a.id = x.actor_id
            LEFT JOIN platforms p ON p.id = a.platform_id
            LEFT JOIN network_actor_ranks r ON r.actor_id = x.actor_id
            LEFT JOIN action_day_targets t ON t.action_day_id = :day AND t.actor_id = x.actor_id
            ORDER BY (t.actor_id IS NOT NULL) DESC, r.rank NULLS LAST, x.referred DESC, x.actor_id
            LIMIT :limit""";

    /**
     * Cases of the day seen again (a reappearance of their content) from the start up to seven days after the
     * close, or up to :now while the day has not closed.
     */
    static final String REAPPEARED = """
            SELECT count(DISTINCT r.removed_case_id)
            FROM reappearances r JOIN action_days d ON d.id = :day
            WHERE r.removed_case_id IN (SELECT x.case_id FROM action_day_items x WHERE x.action_day_id = :day)
              AND r.found_at >= d.started_at
              AND r.found_at < COALESCE(d.closed_at + interval '7 days', CAST(:now AS timestamptz))""";

    /**
     * Cumulative referred and removed counts at the end of each hour from the start's hour to the hour of the
     * close (or :now), stretched to the last removal when one came later; a removal before the start's hour counts
     * in the first hour.
     */
    static final String TIMELINE = """
            WITH span AS (
                SELECT date_trunc('hour', d.started_at) AS first_hour, COALESCE(d.closed_at, CAST(:now AS timestamptz)) AS last_at
                FROM action_days d WHERE d.id = :day AND d.started_at IS NOT NULL),
            ev AS (
                SELECT GREATEST(date_trunc('hour', v.t), span.first_hour) AS h, sum(v.referred) AS referred,
                       sum(v.removed) AS removed
                FROM action_day_items x CROSS JOIN span
                CROSS JOIN LATERAL (VALUES (x.referred_at, 1, 0), (x.removed_at, 0, 1)) AS v (t, referred, removed)
                WHERE x.action_day_id = :day AND v.t IS NOT NULL
                GROUP BY 1),
            hours AS (
                SELECT generate_series(span.first_hour, date_trunc('hour', GREATEST(span.last_at, (SELECT max(h) FROM ev))),
                                       interval '1 hour') AS h
                FROM span)
            SELECT hours.h + interval '1 hour' AS at,
                   sum(COALESCE(ev.referred, 0)) OVER (ORDER BY hours.h) AS referred,
                   sum(COALESCE(ev.removed, 0)) OVER (ORDER BY hours.h) AS removed
            FROM hours LEFT JOIN ev ON ev.h = hours.h
            ORDER BY hours.h""";

    private final Jdbi jdbi;
    private final Clock clock;

    /** The statements by the name docs/reports.md gives them (:day, :now and :limit are bound). */
    public static Map<String, String> statements() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("Counts", COUNTS);
        m.put("Board counts", BOARD_COUNTS);
        m.put("Key actors", KEY_ACTOR_ROWS);
        m.put("Reappeared cases", REAPPEARED);
        m.put("Timeline", TIMELINE);
        return m;
    }

    ActionDayFiguresQuery(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The figures of the day now, in one read-only transaction (one consistent snapshot). */
    public ActionDayFigures figures(ActionDay d) {
        return figures(d, COUNTS);
    }

    /**
     * The figures the live board shows: as {@link #figures} with the breakdowns per entity, content type, unit and
     * kind left empty.
     */
    public ActionDayFigures board(ActionDay d) {
        return figures(d, BOARD_COUNTS);
    }

    private ActionDayFigures figures(ActionDay d, String countsSql) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            h.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            // the breakdowns sort the day's rows (percentiles): in memory, not in temporary files
            h.execute("SET LOCAL work_mem = '64MB'");
            Map<String, Object> day = Map.of("day", d.id());
            Names names = names(h);
            List<ActionDayFigures.Row> perPlatform = new ArrayList<>();
            List<ActionDayFigures.Row> perEntity = new ArrayList<>();
            List<ActionDayFigures.Row> perContentType = new ArrayList<>();
            List<ActionDayFigures.Row> perUnit = new ArrayList<>();
            List<ActionDayFigures.Row> perKind = new ArrayList<>();
            ActionDayFigures.Counts[] total = {empty()};
            h.createQuery(countsSql).bindMap(day).map((rs, c) -> {
                ActionDayFigures.Counts counts = counts(rs);
                // GROUPING(platform_id, entity, content_type, unit_id, kind): a 0 bit is the set's own column
                switch (rs.getInt("grouping_mask")) {
                    case 31 -> total[0] = counts;
                    case 15 -> perPlatform.add(row(rs.getString("platform_id"), names.platform(rs.getLong("platform_id")),
                            counts));
                    case 23 -> perEntity.add(row(rs.getString("entity"), rs.getString("entity"), counts));
                    case 27 -> perContentType.add(row(rs.getString("content_type"), rs.getString("content_type"),
                            counts));
                    case 29 -> perUnit.add(row(rs.getString("unit_id"), names.unit(rs.getLong("unit_id")), counts));
                    case 30 -> perKind.add(row(rs.getString("kind"), rs.getString("kind"), counts));
                    default -> throw new IllegalStateException("unexpected grouping " + rs.getInt("grouping_mask"));
                }
                return counts;
            }).list();
            List<ActionDayFigures.KeyActor> actors = h.createQuery(KEY_ACTOR_ROWS).bindMap(day)
                    .bind("limit", KEY_ACTORS)
                    .map((rs, c) -> {
                        long referred = rs.getLong("referred");
                        long removed = rs.getLong("removed");
                        return new ActionDayFigures.KeyActor(rs.getLong("actor_id"), rs.getString("name"),
                                rs.getString("platform"), (Integer) rs.getObject("rank"), rs.getBoolean("target"),
                                referred, removed, referred > 0 && removed == referred);
                    }).list();
            long reappeared = h.createQuery(REAPPEARED).bindMap(day).bind("now", Rows.utc(now))
                    .mapTo(Long.class).one();
            List<ActionDayFigures.TimePoint> timeline = h.createQuery(TIMELINE).bindMap(day)
                    .bind("now", Rows.utc(now))
                    .map((rs, c) -> new ActionDayFigures.TimePoint(Rows.instant(rs, "at"), rs.getLong("referred"),
                            rs.getLong("removed"))).list();
            return new ActionDayFigures(new ActionDayFigures.Day(d.id(), d.name(), d.unitName(), d.startsAt(),
                    d.endsAt(), d.status(), d.startedAt(), d.closedAt(), names.units(d), names.platforms(d)), now,
                    total[0], sorted(perPlatform), sorted(perEntity), sorted(perContentType), sorted(perUnit),
                    sorted(perKind), actors, reappeared, timeline);
        });
    }

    /** Largest first, then by label: the order of every breakdown. */
    private static List<ActionDayFigures.Row> sorted(List<ActionDayFigures.Row> rows) {
        rows.sort((a, b) -> a.counts().referred() != b.counts().referred()
                ? Long.compare(b.counts().referred(), a.counts().referred()) : a.label().compareTo(b.label()));
        return List.copyOf(rows);
    }

    private static ActionDayFigures.Row row(String key, String label, ActionDayFigures.Counts counts) {
        return new ActionDayFigures.Row(key, label == null ? "" : label, counts);
    }

    private static ActionDayFigures.Counts empty() {
        return new ActionDayFigures.Counts(0, 0, 0, 0, null, null, null);
    }

    private static ActionDayFigures.Counts counts(ResultSet rs) throws SQLException {
        long referred = rs.getLong("referred");
        long removed = rs.getLong("removed");
        return new ActionDayFigures.Counts(referred, removed, rs.getLong("pending"), rs.getLong("rejected"),
                referred == 0 ? null : (double) removed / referred, duration(rs, "median_seconds"),
                duration(rs, "p90_seconds"));
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        double s = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.ofMillis(Math.round(s * 1000));
    }

    /** Names of the units and platforms of the day (and of any referral's, should one have left the day). */
    private record Names(Map<Long, String> units, Map<Long, String> platforms) {
        String unit(long id) {
            return units.getOrDefault(id, String.valueOf(id));
        }

        String platform(long id) {
            return platforms.getOrDefault(id, String.valueOf(id));
        }

        List<String> units(ActionDay d) {
            return d.unitIds().stream().map(this::unit).toList();
        }

        List<String> platforms(ActionDay d) {
            return d.platformIds().stream().map(this::platform).toList();
        }
    }

    private static Names names(Handle h) {
        Map<Long, String> units = new java.util.HashMap<>();
        Map<Long, String> platforms = new java.util.HashMap<>();
        h.createQuery("SELECT id, name FROM units").map((rs, c) -> units.put(rs.getLong(1), rs.getString(2))).list();
        h.createQuery("SELECT id, name FROM platforms")
                .map((rs, c) -> platforms.put(rs.getLong(1), rs.getString(2))).list();
        return new Names(units, platforms);
    }
}
