package org.openiru.network;

import org.jdbi.v3.core.Handle;

/**
 * Rebuilds {@code network_edges} from the ingested items, set-wise in the database (docs/network.md, "What an
 * edge means"). Each edge points from the actor who spread something to the actor whose content or name was
 * spread; one row per pair and kind, weighted by how often, with the first and last time seen.
 */
final class EdgeBuilder {
    /**
     * The posts of reviewed content: every item of a case with its actor and time, the first poster of each case,
     * and for every other actor who posted the case's content its first time. Shared with {@link Ranker}.
     */
    static final String CASE_POSTS = """
            case_posts AS (
                SELECT rci.case_id, i.id AS item_id, i.actor_id, COALESCE(i.posted_at, i.collected_at) AS at
                FROM review_case_items rci JOIN items i ON i.id = rci.item_id
                WHERE i.actor_id IS NOT NULL),
            case_first AS (
                SELECT DISTINCT ON (case_id) case_id, actor_id, at FROM case_posts ORDER BY case_id, at, item_id),
            case_later AS (
                SELECT p.case_id, p.actor_id, min(p.at) AS at
                FROM case_posts p JOIN case_first f ON f.case_id = p.case_id AND p.actor_id <> f.actor_id
                GROUP BY p.case_id, p.actor_id)""";

    /**
     * Telegram handles are case-insensitive; the first actor of a handle wins where two claim it. A mention names
     * an actor on the item's own platform, an outlink to t.me one on a platform serving t.me.
     */
    private static final String BUILD = """
            WITH handles AS (
                SELECT DISTINCT ON (platform_id, lower(handle)) platform_id, lower(handle) AS handle, id
                FROM actors WHERE handle IS NOT NULL AND handle <> '' ORDER BY platform_id, lower(handle), id),
            telegram_handles AS (
                SELECT DISTINCT ON (h.handle) h.handle, h.id
                FROM handles h JOIN platforms p ON p.id = h.platform_id
                WHERE 't.me' = ANY (p.domains) ORDER BY h.handle, h.id),
            sites AS (
                SELECT DISTINCT ON (external_id) substr(external_id, 6) AS host, id
                FROM actors WHERE kind = 'site' AND external_id LIKE 'site:%' ORDER BY external_id, id),
            links AS (
                SELECT o.item_id, o.url, o.host,
                    regexp_match(o.url, '^https?://(?:www[.])?(?:t|telegram)[.]me/(?:s/)?([A-Za-z][A-Za-z0-9_]{3,31})/[0-9]+') AS tg
                FROM outlinks o),
            /*case posts*/,
            spread (source, target, kind, at) AS (
                SELECT actor_id, forwarded_from_actor_id, 'forward', posted_at
                FROM items WHERE forwarded_from_actor_id IS NOT NULL
                UNION ALL
                SELECT i.actor_id, r.actor_id, 'reply', i.posted_at
                FROM items i JOIN items r ON r.platform_id = i.platform_id
                    AND r.external_container = i.external_container AND r.external_id = i.reply_to
                WHERE i.reply_to IS NOT NULL
                UNION ALL
                SELECT i.actor_id, h.id, 'mention', i.posted_at
                FROM items i
                JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
                CROSS JOIN LATERAL (
                    SELECT DISTINCT lower(m[1]) AS handle
                    FROM regexp_matches(v.text, '(?:(?:^|[^A-Za-z0-9_.@/])@|(?:t|telegram)[.]me/)([A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_/])', 'g') AS m) named
                JOIN handles h ON h.platform_id = i.platform_id AND h.handle = named.handle
                WHERE strpos(v.text, '@') > 0 OR strpos(v.text, 'me/') > 0
                UNION ALL
                SELECT i.actor_id, COALESCE(linked.actor_id, th.id, s.id), 'outlink', i.posted_at
                FROM links l
                JOIN items i ON i.id = l.item_id
                LEFT JOIN items linked ON linked.canonical_url = l.url
                LEFT JOIN telegram_handles th ON th.handle = lower(l.tg[1])
                LEFT JOIN sites s ON s.host = l.host
                UNION ALL
                SELECT l.actor_id, f.actor_id, 'shared', l.at
                FROM case_later l JOIN case_first f ON f.case_id = l.case_id)
            INSERT INTO network_edges (source_actor_id, target_actor_id, kind, weight, first_at, last_at)
            SELECT source, target, kind, count(*), min(at), max(at)
            FROM spread
            WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
            GROUP BY source, target, kind""".replace("/*case posts*/", CASE_POSTS);

    private EdgeBuilder() {
    }

    /** Replaces every edge, inside the caller's transaction; returns how many edges there are now. */
    static int rebuild(Handle h) {
        h.execute("DELETE FROM network_edges");
        return h.createUpdate(BUILD).execute();
    }
}
