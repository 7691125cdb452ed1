package org.openiru.campaign;

import static org.openiru.store.Rows.instant;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.ingest.ItemQueries;
import org.openiru.store.Rows;
import org.openiru.web.ApiException;

/**
 * A unit's saved searches of the items page: a name and the page's query string. The items they find are what
 * the items page finds for that query string ({@link ItemQueries.ItemFilter#parse}), so an action day whose scope
 * holds one counts the same items an analyst sees.
 */
public final class SavedSearches {
    /** At most this many items of one saved search count in an action day's plan (the newest). */
    public static final int MAX_ITEMS = 100_000;
    private static final String SELECT = """
            SELECT s.id, s.unit_id, s.name, s.query, u.username, s.created_at
            FROM saved_searches s LEFT JOIN users u ON u.id = s.created_by
            """;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final ItemQueries items;
    private final Clock clock;

    SavedSearches(Jdbi jdbi, AuditLog audit, ItemQueries items, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.items = items;
        this.clock = clock;
    }

    public record SavedSearch(long id, long unitId, String name, String query, String createdBy, Instant createdAt) {
    }

    /** Analysts, supervisors and administrators save searches for their unit and delete them. */
    public static boolean mayEdit(User u) {
        return u.has(Role.ANALYST) || u.has(Role.SUPERVISOR) || u.has(Role.ADMIN);
    }

    public List<SavedSearch> list(long unitId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE s.unit_id = ? ORDER BY s.name").bind(0, unitId)
                .map(SavedSearches::row).list());
    }

    public Optional<SavedSearch> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE s.id = ?").bind(0, id).map(SavedSearches::row)
                .findOne());
    }

    /** Saves the query string (checked as the items page reads it) under a name unique in the unit. */
    public SavedSearch save(User u, Actor who, String name, String query) {
        if (!mayEdit(u)) {
            throw ApiException.forbidden("Only analysts and supervisors save searches");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw ApiException.badRequest("name", "Give the search a name of 1 to 200 characters");
        }
        String q = normalise(query);
        if (q.length() > 4000) {
            throw ApiException.badRequest("query", "The search may have at most 4000 characters");
        }
        filter(q);
        long id = jdbi.inTransaction(h -> {
            boolean taken = h.createQuery("SELECT count(*) > 0 FROM saved_searches WHERE unit_id = ? AND name = ?")
                    .bind(0, u.unitId()).bind(1, n).mapTo(Boolean.class).one();
            if (taken) {
                throw ApiException.conflict("name", "Your unit already has a saved search named " + n);
            }
            long made = h.createQuery("""
                            INSERT INTO saved_searches (unit_id, name, query, created_by, created_at)
                            VALUES (?, ?, ?, ?, ?) RETURNING id""")
                    .bind(0, u.unitId()).bind(1, n).bind(2, q).bind(3, u.id())
                    .bind(4, Rows.utc(clock.instant())).mapTo(Long.class).one();
            audit.record(h, who, "saved_search.created", "saved_search", made, Map.of("name", n, "query", q));
            return made;
        });
        return find(id).orElseThrow();
    }

    /** Deletes a search of the user's unit that no action day's scope names. */
    public void delete(User u, Actor who, long id) {
        if (!mayEdit(u)) {
            throw ApiException.forbidden("Only analysts and supervisors delete saved searches");
        }
        jdbi.useTransaction(h -> {
            SavedSearch s = find(id).filter(x -> x.unitId() == u.unitId())
                    .orElseThrow(() -> ApiException.notFound("Saved search " + id));
            List<String> days = h.createQuery("SELECT name FROM action_days WHERE ? = ANY(saved_search_ids) "
                    + "ORDER BY id").bind(0, id).mapTo(String.class).list();
            if (!days.isEmpty()) {
                throw ApiException.conflict("id", "The action day " + days.get(0) + " uses this search");
            }
            h.execute("DELETE FROM saved_searches WHERE id = ?", id);
            audit.record(h, who, "saved_search.deleted", "saved_search", id, Map.of("name", s.name(),
                    "query", s.query()));
        });
    }

    /** How many items the search finds now. */
    public long count(SavedSearch s) {
        return items.count(filter(s.query()));
    }

    /** The newest {@link #MAX_ITEMS} items the search finds. */
    public List<Long> itemIds(SavedSearch s) {
        return items.ids(filter(s.query()), MAX_ITEMS);
    }

    /** The items page's filter of a query string: its first value of each parameter, blank as absent. */
    static ItemQueries.ItemFilter filter(String query) {
        Map<String, String> first = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1)).strip();
            first.putIfAbsent(key, value.isEmpty() ? null : value);
        }
        return ItemQueries.ItemFilter.parse(first::get);
    }

    /** Without a leading '?' and without the paging parameters, which are not part of a search. */
    static String normalise(String query) {
        String q = query == null ? "" : query.strip();
        q = q.startsWith("?") ? q.substring(1) : q;
        return q.replaceAll("(^|&)(before|bp)=[^&]*", "").replaceAll("^&", "");
    }

    private static SavedSearch row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
            throws java.sql.SQLException {
        return new SavedSearch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs, 6));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query", "The search is not a valid query string: " + e.getMessage());
        }
    }
}
