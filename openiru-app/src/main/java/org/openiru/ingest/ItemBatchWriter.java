package org.openiru.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.openiru.ingest.url.Outlink;

/**
 * Writes a batch of items set-wise: the batch is streamed with COPY into temporary staging tables, then a
 * few {@code INSERT … SELECT} statements decide in the database what is new (no item at that canonical
 * URL), updated (the current version's text hash differs: a new version is added) or a duplicate (same
 * hash: nothing is written). The caller runs it inside one transaction per batch, so a batch is stored
 * whole or not at all. Canonical URLs must be unique within a batch ({@link IngestRun} ensures it).
 */
final class ItemBatchWriter {
    private static final String STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS ingest_stage_actors (
                platform_id bigint, external_id text, handle text, display_name text, kind text
            ) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS ingest_stage_items (
                seq int, canonical_url text, platform_id bigint, external_container text, external_id text,
                actor text, forwarded_from text, reply_to text, posted_at timestamptz, edited_at timestamptz,
                text_sha256 bytea, item_id bigint, current_version int, current_sha256 bytea, outcome text
            ) ON COMMIT DELETE ROWS;
            -- the bulky part apart, so that marking outcomes does not rewrite it; raw stays text until it is
            -- stored, so that duplicates are never parsed as JSON
            CREATE TEMP TABLE IF NOT EXISTS ingest_stage_texts (seq int, text text, raw text) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS ingest_stage_outlinks (seq int, url text, host text) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS ingest_stage_media (
                seq int, role text, original_name text, blob_sha256 text
            ) ON COMMIT DELETE ROWS""";

    /**
     * Known actors stay as they are unless the source adds a handle or a new display name. In key order, so
     * that two writers adding the same new actors wait for each other instead of deadlocking.
     */
    private static final String UPSERT_ACTORS = """
            INSERT INTO actors (platform_id, external_id, handle, display_name, kind)
            SELECT platform_id, external_id, handle, display_name, kind FROM ingest_stage_actors
            ORDER BY COALESCE(platform_id, 0), external_id
            ON CONFLICT (COALESCE(platform_id, 0), external_id) DO NOTHING;
            UPDATE actors a SET handle = COALESCE(s.handle, a.handle),
                display_name = CASE WHEN s.display_name = '' THEN a.display_name ELSE s.display_name END
            FROM ingest_stage_actors s
            WHERE COALESCE(a.platform_id, 0) = COALESCE(s.platform_id, 0) AND a.external_id = s.external_id
              AND ((s.handle IS NOT NULL AND a.handle IS DISTINCT FROM s.handle)
                   OR (s.display_name <> '' AND a.display_name <> s.display_name))""";

    /**
     * One index look-up per staged item, whatever the statistics say: as a plain join the planner sometimes
     * hashed the whole of items and item_versions for a batch of 2000 (the staging table has no statistics),
     * which made the database time grow with the table (docs/benchmarks.md, "Ingest"). A known item is
     * classified in the same pass (one rewrite of the staging rows, not two): the same text again is a
     * duplicate; so is no text at all, because a source that only names a location (a URL list) says nothing
     * about its content and must not blank it.
     */
    private static final String FIND_EXISTING = """
            UPDATE ingest_stage_items s SET (item_id, current_version, current_sha256, outcome) = (
                SELECT i.id, i.current_version, v.text_sha256, CASE
                    WHEN v.text_sha256 = s.text_sha256 OR s.text_sha256 = sha256(CAST('' AS bytea)) THEN 'duplicate'
                    ELSE 'updated' END
                FROM items i JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
                WHERE i.canonical_url = s.canonical_url)""";

    private static final String INSERT_NEW = """
            WITH created AS (
                INSERT INTO items (platform_id, canonical_url, external_container, external_id, actor_id,
                    forwarded_from_actor_id, reply_to, posted_at, current_version)
                SELECT s.platform_id, s.canonical_url, s.external_container, s.external_id, a.id, f.id,
                    s.reply_to, s.posted_at, 1
                FROM ingest_stage_items s
                LEFT JOIN actors a ON COALESCE(a.platform_id, 0) = COALESCE(s.platform_id, 0)
                    AND a.external_id = s.actor
                LEFT JOIN actors f ON COALESCE(f.platform_id, 0) = COALESCE(s.platform_id, 0)
                    AND f.external_id = s.forwarded_from
                WHERE s.item_id IS NULL
                ORDER BY s.seq
                ON CONFLICT (canonical_url) DO NOTHING
                RETURNING id, canonical_url)
            UPDATE ingest_stage_items s SET item_id = c.id, outcome = 'new'
            FROM created c WHERE s.canonical_url = c.canonical_url""";

    private static final String INSERT_VERSIONS = """
            INSERT INTO item_versions (item_id, version, text, text_sha256, edited_at, raw, source_id)
            SELECT s.item_id, CASE WHEN s.outcome = 'new' THEN 1 ELSE s.current_version + 1 END, t.text,
                s.text_sha256, s.edited_at, CAST(t.raw AS json), :source
            FROM ingest_stage_items s JOIN ingest_stage_texts t ON t.seq = s.seq
            WHERE s.outcome IN ('new', 'updated') ORDER BY s.seq""";

    /** A new version's links are added to what the item linked to before; none is ever removed. */
    private static final String INSERT_OUTLINKS = """
            INSERT INTO outlinks (item_id, url, host)
            SELECT s.item_id, o.url, o.host FROM ingest_stage_outlinks o JOIN ingest_stage_items s ON s.seq = o.seq
            WHERE s.item_id IS NOT NULL
            ON CONFLICT DO NOTHING""";

    private static final String ADVANCE_VERSIONS = """
            UPDATE items i SET current_version = s.current_version + 1
            FROM ingest_stage_items s WHERE s.outcome = 'updated' AND i.id = s.item_id""";

    /** A file found now that was missing before completes the row; anything already known is left alone. */
    private static final String INSERT_MEDIA = """
            INSERT INTO item_blobs (item_id, role, original_name, blob_sha256, missing)
            SELECT s.item_id, m.role, m.original_name, m.blob_sha256, m.blob_sha256 IS NULL
            FROM ingest_stage_media m JOIN ingest_stage_items s ON s.seq = m.seq
            WHERE s.item_id IS NOT NULL
            ON CONFLICT (item_id, role, original_name) DO UPDATE
                SET blob_sha256 = EXCLUDED.blob_sha256, missing = false
                WHERE item_blobs.missing AND NOT EXCLUDED.missing""";

    private static final String COUNT = """
            SELECT count(*) FILTER (WHERE outcome = 'new'), count(*) FILTER (WHERE outcome = 'updated'),
                count(*) FILTER (WHERE outcome = 'duplicate'), count(*) FILTER (WHERE outcome IS NULL)
            FROM ingest_stage_items""";

    /** What one batch did; {@code lost} items met a concurrent import of the same URL and should be retried. */
    record Result(BatchCounts counts, long lost, List<Long> storedItems) {
    }

    /** Writes the batch on {@code h}, which must be inside a transaction. */
    Result write(Handle h, long sourceId, List<IncomingItem> batch) throws SQLException, IOException {
        h.execute(STAGING);
        copyActors(h, batch);
        h.execute(UPSERT_ACTORS);
        copyItems(h, batch);
        h.execute(FIND_EXISTING);
        h.execute(INSERT_NEW);
        // only what is stored sends its text, raw record and links: a re-import of duplicates never ships them
        List<Integer> stored = h.createQuery("SELECT seq FROM ingest_stage_items WHERE outcome IN ('new', 'updated') "
                + "ORDER BY seq").mapTo(Integer.class).list();
        copyTexts(h, batch, stored);
        h.createUpdate(INSERT_VERSIONS).bind("source", sourceId).execute();
        copyOutlinks(h, batch, stored);
        h.execute(INSERT_OUTLINKS);
        h.execute(ADVANCE_VERSIONS);
        copyMedia(h, batch);
        h.execute(INSERT_MEDIA);
        List<Long> storedItems = h.createQuery("SELECT item_id FROM ingest_stage_items WHERE outcome IN ('new', "
                + "'updated') ORDER BY item_id").mapTo(Long.class).list();
        return h.createQuery(COUNT).map((rs, ctx) -> new Result(
                new BatchCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)), rs.getLong(4), storedItems)).one();
    }

    private static void copyActors(Handle h, List<IncomingItem> batch) throws SQLException, IOException {
        Map<String, ActorRef> actors = new LinkedHashMap<>();
        for (IncomingItem item : batch) {
            for (ActorRef a : new ActorRef[] {item.container(), item.actor(), item.forwardedFrom()}) {
                if (a != null) {
                    actors.merge(a.key(), a, (old, now) -> now.handle() == null && old.handle() != null ? old : now);
                }
            }
        }
        copy(h, "COPY ingest_stage_actors FROM STDIN", rows -> {
            for (ActorRef a : actors.values()) {
                rows.number(a.platformId()).text(a.externalId()).text(a.handle()).text(a.displayName())
                        .text(a.kind()).endRow();
            }
        });
    }

    private static void copyItems(Handle h, List<IncomingItem> batch) throws SQLException, IOException {
        MessageDigest sha256 = sha256();
        copy(h, "COPY ingest_stage_items (seq, canonical_url, platform_id, external_container, external_id, actor, "
                + "forwarded_from, reply_to, posted_at, edited_at, text_sha256) FROM STDIN", rows -> {
            for (int seq = 0; seq < batch.size(); seq++) {
                IncomingItem i = batch.get(seq);
                rows.number(seq).text(i.canonicalUrl()).number(i.platformId())
                        .text(i.container() == null ? null : i.container().externalId())
                        .text(i.externalId()).text(i.actor() == null ? null : i.actor().externalId())
                        .text(i.forwardedFrom() == null ? null : i.forwardedFrom().externalId())
                        .text(i.replyTo()).time(i.postedAt()).time(i.editedAt())
                        .bytes(sha256.digest(i.text().getBytes(StandardCharsets.UTF_8))).endRow();
            }
        });
    }

    private static void copyTexts(Handle h, List<IncomingItem> batch, List<Integer> stored)
            throws SQLException, IOException {
        copy(h, "COPY ingest_stage_texts FROM STDIN", rows -> {
            for (int seq : stored) {
                rows.number(seq).text(batch.get(seq).text()).utf8(batch.get(seq).raw()).endRow();
            }
        });
    }

    private static void copyOutlinks(Handle h, List<IncomingItem> batch, List<Integer> stored)
            throws SQLException, IOException {
        copy(h, "COPY ingest_stage_outlinks FROM STDIN", rows -> {
            for (int seq : stored) {
                for (Outlink o : batch.get(seq).outlinks().get()) {
                    rows.number(seq).text(o.url()).text(o.host()).endRow();
                }
            }
        });
    }

    private static void copyMedia(Handle h, List<IncomingItem> batch) throws SQLException, IOException {
        copy(h, "COPY ingest_stage_media FROM STDIN", rows -> {
            for (int seq = 0; seq < batch.size(); seq++) {
                for (MediaRef m : batch.get(seq).media()) {
                    rows.number(seq).text(m.role()).text(m.originalName()).text(m.blobSha256()).endRow();
                }
            }
        });
    }

    private interface RowSource {
        void write(CopyRows rows) throws IOException;
    }

    private static void copy(Handle h, String sql, RowSource source) throws SQLException, IOException {
        CopyRows rows = new CopyRows(h.getConnection(), sql);
        try {
            source.write(rows);
            rows.close();
        } catch (IOException | RuntimeException e) {
            rows.cancel();
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
