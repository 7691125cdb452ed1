package org.openiru.ingest;

import static org.openiru.store.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.openiru.store.Rows;
import org.openiru.web.ApiException;
import org.openiru.web.Params;

/** What the pages and the API read about collected content: sources, items, versions, media, actors. */
public final class ItemQueries {
    /** An item's list row: its current text's start, platform, actor and number of files. */
    private static final String ITEM_ROWS = """
            SELECT i.id, i.canonical_url, p.name AS platform_name, i.actor_id,
                   COALESCE(NULLIF(a.display_name, ''), a.handle, a.external_id) AS actor_name,
                   i.posted_at, i.collected_at, i.current_version, left(v.text, 280) AS excerpt, i.language,
                   (SELECT count(*) FROM item_blobs b WHERE b.item_id = i.id) AS media_count,
                   sc.priority, sc.band, sc.label
            FROM items i
            JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
            LEFT JOIN item_scores sc ON sc.item_id = i.id
            LEFT JOIN platforms p ON p.id = i.platform_id
            LEFT JOIN actors a ON a.id = i.actor_id
            """;
    /** The filter of {@link ItemFilter} over {@code items i}, {@code item_versions v}, {@code item_scores sc}, {@code actors a}. */
    private static final String FILTER = """
            WHERE (CAST(:text AS text) IS NULL OR v.text ILIKE '%' || :text || '%' ESCAPE '!')
              AND (CAST(:platform AS bigint) IS NULL OR i.platform_id = :platform)
              AND (CAST(:actorId AS bigint) IS NULL OR i.actor_id = :actorId)
              AND (CAST(:actor AS text) IS NULL OR a.handle ILIKE :actor ESCAPE '!' OR a.display_name ILIKE '%' || :actor || '%' ESCAPE '!')
              AND (CAST(:source AS bigint) IS NULL OR EXISTS (SELECT 1 FROM item_versions s
                   WHERE s.item_id = i.id AND s.source_id = :source))
              AND (CAST(:from AS timestamptz) IS NULL OR i.posted_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR i.posted_at < :to)
              AND (CAST(:band AS text) IS NULL OR sc.band = :band)
            """;
    /** The tables {@link #FILTER} reads, for the queries that need no list columns. */
    private static final String FILTERED = """
            FROM items i
            JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
            LEFT JOIN item_scores sc ON sc.item_id = i.id
            LEFT JOIN actors a ON a.id = i.actor_id
            """;
    private final Jdbi jdbi;

    public ItemQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A row of the items list; {@code priority}, {@code band} and {@code label} are null until it is scored. */
    public record ItemRow(long id, String canonicalUrl, String platformName, Long actorId, String actorName,
                          Instant postedAt, Instant collectedAt, int version, String excerpt, String language,
                          int mediaCount, Integer priority, String band, String label) {
    }

    /**
     * The filters of the items page; null means any. {@code band} is a detection priority band (high, medium,
     * low); {@code byPriority} sorts by priority, highest first, instead of newest first.
     */
    public record ItemFilter(String text, Long platformId, String actor, Long actorId, Long sourceId, Instant from,
                             Instant to, String band, boolean byPriority) {
        /**
         * The filter of the items page's query parameters ({@code q, platform, actor, actorId, source, from, to,
         * band, sort}); {@code param} gives a parameter's stripped text, null when absent or blank. Saved searches
         * read their stored query string with it, so that they find what the page found.
         */
        public static ItemFilter parse(java.util.function.Function<String, String> param) {
            String band = param.apply("band");
            if (band != null && !List.of("high", "medium", "low").contains(band)) {
                throw ApiException.badRequest("band", "band must be high, medium or low");
            }
            String sort = param.apply("sort");
            if (sort != null && !List.of("newest", "priority").contains(sort)) {
                throw ApiException.badRequest("sort", "sort must be newest or priority");
            }
            return new ItemFilter(param.apply("q"), Params.longValue("platform", param.apply("platform")),
                    param.apply("actor"), Params.longValue("actorId", param.apply("actorId")),
                    Params.longValue("source", param.apply("source")), Params.dayValue("from", param.apply("from"), 0),
                    Params.dayValue("to", param.apply("to"), 1), band, "priority".equals(sort));
        }
    }

    /** Newest first; {@code beforeId} pages on. Text search is a case-insensitive substring of the current text. */
    public List<ItemRow> search(ItemFilter f, Long beforeId, int limit) {
        return search(f, null, beforeId, limit);
    }

    /**
     * As {@link #search(ItemFilter, Long, int)}; sorted by priority, the page after the row ({@code beforePriority},
     * {@code beforeId}) follows, unscored items last (as priority -1).
     */
    public List<ItemRow> search(ItemFilter f, Integer beforePriority, Long beforeId, int limit) {
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(ITEM_ROWS + FILTER + """
                      AND (CAST(:before AS bigint) IS NULL OR (CASE WHEN CAST(:byPriority AS boolean)
                           THEN (COALESCE(sc.priority, -1), i.id) < (CAST(:beforePriority AS int), CAST(:before AS bigint))
                           ELSE i.id < CAST(:before AS bigint) END))
                    ORDER BY\s""" + (f.byPriority() ? "COALESCE(sc.priority, -1) DESC, " : "") + "i.id DESC LIMIT :limit");
            return bind(q, f).bind("before", beforeId).bind("limit", limit).bind("byPriority", f.byPriority())
                    .bind("beforePriority", beforePriority == null ? Integer.valueOf(101) : beforePriority)
                    .map(ItemQueries::row).list();
        });
    }

    /** How many items the filter finds (a saved search's count). */
    public long count(ItemFilter f) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT count(*) " + FILTERED + FILTER), f)
                .mapTo(Long.class).one());
    }

    /** The ids of at most {@code max} items the filter finds, newest first (a saved search in an action day's scope). */
    public List<Long> ids(ItemFilter f, int max) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT i.id " + FILTERED + FILTER
                + " ORDER BY i.id DESC LIMIT :max"), f).bind("max", max).mapTo(Long.class).list());
    }

    private static Query bind(Query q, ItemFilter f) {
        return q.bind("text", like(f.text())).bind("platform", f.platformId()).bind("actorId", f.actorId())
                .bind("actor", like(f.actor())).bind("source", f.sourceId()).bind("from", Rows.utc(f.from()))
                .bind("to", Rows.utc(f.to())).bind("band", f.band());
    }

    /** One item with everything the detail page shows. */
    public record ItemDetail(ItemRow row, String platformSlug, String externalContainer, String externalId,
                             Long forwardedFromId, String forwardedFromName, String replyTo,
                             List<Version> versions, List<Media> media, List<String> outlinks) {
    }

    /** A version of an item's text and the source that brought it. */
    public record Version(int version, String text, Instant editedAt, Instant collectedAt, long sourceId,
                          String sourceName, String sourceKind, String collectedBy, String raw) {
    }

    /** A file the item carries; {@code sha256} is null when the source referenced it but did not include it. */
    public record Media(String role, String originalName, String sha256, String mediaType, Long size, String md5) {
        public boolean image() {
            return mediaType != null && mediaType.startsWith("image/");
        }

        public boolean video() {
            return mediaType != null && mediaType.startsWith("video/");
        }
    }

    public Optional<ItemDetail> item(long id) {
        return jdbi.withHandle(h -> {
            Optional<ItemRow> row = h.createQuery(ITEM_ROWS + "WHERE i.id = ?").bind(0, id).map(ItemQueries::row)
                    .findOne();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            var extra = h.createQuery("""
                    SELECT p.slug, i.external_container, i.external_id, i.forwarded_from_actor_id,
                           COALESCE(NULLIF(f.display_name, ''), f.handle, f.external_id) AS forwarded_name, i.reply_to
                    FROM items i LEFT JOIN platforms p ON p.id = i.platform_id
                    LEFT JOIN actors f ON f.id = i.forwarded_from_actor_id WHERE i.id = ?""")
                    .bind(0, id).mapToMap().one();
            List<Version> versions = h.createQuery("""
                    SELECT v.version, v.text, v.edited_at, v.collected_at, v.source_id, s.name, s.kind, s.created_by,
                           jsonb_pretty(CAST(v.raw AS jsonb)) AS raw
                    FROM item_versions v JOIN sources s ON s.id = v.source_id
                    WHERE v.item_id = ? ORDER BY v.version DESC""").bind(0, id)
                    .map((rs, c) -> new Version(rs.getInt(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                            rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                    .list();
            List<Media> media = h.createQuery("""
                    SELECT ib.role, ib.original_name, ib.blob_sha256, b.media_type, b.size, b.md5
                    FROM item_blobs ib LEFT JOIN blobs b ON b.sha256 = ib.blob_sha256
                    WHERE ib.item_id = ? ORDER BY ib.role, ib.original_name""").bind(0, id)
                    .map((rs, c) -> new Media(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            (Long) rs.getObject(5), rs.getString(6))).list();
            List<String> outlinks = h.createQuery("SELECT url FROM outlinks WHERE item_id = ? ORDER BY url")
                    .bind(0, id).mapTo(String.class).list();
            return Optional.of(new ItemDetail(row.get(), (String) extra.get("slug"),
                    (String) extra.get("external_container"), (String) extra.get("external_id"),
                    (Long) extra.get("forwarded_from_actor_id"), (String) extra.get("forwarded_name"),
                    (String) extra.get("reply_to"), versions, media, outlinks));
        });
    }

    /** An account, channel or site, with how much it posted per day. */
    public record ActorDetail(long id, String platformName, String externalId, String handle, String displayName,
                              String kind, long items, long forwardsOfIt, Instant first, Instant last,
                              List<DayCount> perDay) {
    }

    /** Items posted on one day (UTC). */
    public record DayCount(java.time.LocalDate day, long count) {
    }

    public Optional<ActorDetail> actor(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id, p.name, a.external_id, a.handle, a.display_name, a.kind,
                               (SELECT count(*) FROM items i WHERE i.actor_id = a.id),
                               (SELECT count(*) FROM items i WHERE i.forwarded_from_actor_id = a.id),
                               (SELECT min(posted_at) FROM items i WHERE i.actor_id = a.id),
                               (SELECT max(posted_at) FROM items i WHERE i.actor_id = a.id)
                        FROM actors a LEFT JOIN platforms p ON p.id = a.platform_id WHERE a.id = ?""")
                .bind(0, id)
                .map((rs, c) -> new ActorDetail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), instant(rs, 9),
                        instant(rs, 10), List.of()))
                .findOne()
                .map(a -> new ActorDetail(a.id(), a.platformName(), a.externalId(), a.handle(), a.displayName(),
                        a.kind(), a.items(), a.forwardsOfIt(), a.first(), a.last(), h.createQuery("""
                                SELECT CAST(posted_at AT TIME ZONE 'UTC' AS date) AS day, count(*)
                                FROM items WHERE actor_id = ? AND posted_at IS NOT NULL
                                GROUP BY 1 ORDER BY 1""").bind(0, id)
                        .map((rs, c) -> new DayCount(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2)))
                        .list())));
    }

    private static ItemRow row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws SQLException {
        return new ItemRow(rs.getLong("id"), rs.getString("canonical_url"), rs.getString("platform_name"),
                (Long) rs.getObject("actor_id"), rs.getString("actor_name"), instant(rs, "posted_at"),
                instant(rs, "collected_at"), rs.getInt("current_version"), rs.getString("excerpt"),
                rs.getString("language"), rs.getInt("media_count"), (Integer) rs.getObject("priority"),
                rs.getString("band"), rs.getString("label"));
    }


    /**
     * Escapes LIKE wildcards so that a search for "50%" finds "50%". The escape character is {@code !}, not a
     * backslash, which JDBI's statement parser would read as escaping the closing quote.
     */
    private static String like(String s) {
        return s == null ? null : s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
