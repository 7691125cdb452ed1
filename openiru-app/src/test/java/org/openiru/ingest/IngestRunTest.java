package org.openiru.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.Json;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.ingest.url.Outlink;
import org.openiru.testing.FreshDatabase;

/**
 * Several writers on one import: the same URL in many batches, changed and unchanged texts, new actors shared
 * by every batch. Small batches and three writers make batches of all writers interleave (all synthetic).
 */
@ExtendWith(FreshDatabase.class)
class IngestRunTest {
    static final Actor WHO = Actor.system("test");
    static final int URLS = 60;
    /** What the writers handed to the next step (from several threads). */
    static final Queue<Long> handedOn = new ConcurrentLinkedQueue<>();
    static final String PARALLEL = "canonical_url LIKE 'https://t.me/synthetic_parallel/%'";
    static OpenIru app;

    @BeforeAll
    static void start(OpenIru started) {
        app = started;
    }

    @Test
    void parallelWritersKeepItemsUniqueVersionsInInputOrderAndReImportsChangeNoRow() {
        // rounds 0 and 1 carry text A, 2 and 3 text B, 4 text C: new, duplicate, updated, duplicate, updated
        Source first = importWith(0, 5);

        assertThat(first.summary()).isEqualTo("new=60 updated=120 duplicate=120 failed=0");
        assertThat(handedOn).as("every new and every changed text, once per version").hasSize(180);
        handedOn.clear();
        assertThat(ItemTables.strings(app, "SELECT count(*) || ' ' || count(DISTINCT canonical_url) || ' ' "
                + "|| min(current_version) || ' ' || max(current_version) FROM items WHERE " + PARALLEL))
                .containsExactly("60 60 3 3");
        assertThat(ItemTables.strings(app, """
                SELECT string_agg(right(v.text, 1), '' ORDER BY v.version) FROM items i
                JOIN item_versions v ON v.item_id = i.id WHERE %s GROUP BY i.id""".formatted(PARALLEL)))
                .hasSize(URLS).containsOnly("ABC");
        assertThat(ItemTables.strings(app, "SELECT count(*) || ' ' || count(DISTINCT a.external_id) FROM actors a "
                + "WHERE a.id IN (SELECT actor_id FROM items WHERE " + PARALLEL + " UNION "
                + "SELECT forwarded_from_actor_id FROM items WHERE " + PARALLEL + ")")).containsExactly("5 5");
        assertThat(ItemTables.strings(app, "SELECT count(*) FROM outlinks o JOIN items i ON i.id = o.item_id WHERE "
                + PARALLEL)).containsExactly(String.valueOf(URLS * 3));
        String before = ItemTables.snapshot(app);

        Source again = importWith(4, 5);

        assertThat(again.summary()).isEqualTo("new=0 updated=0 duplicate=60 failed=0");
        assertThat(handedOn).isEmpty();
        assertThat(ItemTables.snapshot(app)).isEqualTo(before);
    }

    @Test
    void textsAndRawRecordsArriveAsSentWhateverCopyTreatsSpecially() {
        String text = "[synthetic] tab\tnewline\nreturn\rbackslash\\N \\x00 emoji \uD83D\uDE00 عربي ü";
        IncomingItem item = item("synthetic_copy", 1, text);
        long source = app.ingest.sources.start(WHO, "api", "[synthetic] copy", "");
        try (IngestRun run = new IngestRun(app.db.jdbi(), app.ingest.sources, WHO, source, 7, 2,
                (src, start, ids) -> { })) {
            run.add(item);
            assertThat(run.finish(null).summary()).isEqualTo("new=1 updated=0 duplicate=0 failed=0");
        }
        assertThat(ItemTables.strings(app, """
                SELECT v.text FROM item_versions v JOIN items i ON i.id = v.item_id
                WHERE i.canonical_url = 'https://t.me/synthetic_copy/1'""")).containsExactly(text);
        assertThat(ItemTables.strings(app, """
                SELECT v.raw ->> 'text' FROM item_versions v JOIN items i ON i.id = v.item_id
                WHERE i.canonical_url = 'https://t.me/synthetic_copy/1'""")).containsExactly(text);
    }

    /** Rounds {@code from} (inclusive) to {@code to} (exclusive) of every URL, through three writers. */
    private static Source importWith(int from, int to) {
        long source = app.ingest.sources.start(WHO, "api", "[synthetic] parallel writers", "");
        try (IngestRun run = new IngestRun(app.db.jdbi(), app.ingest.sources, WHO, source, 7, 3,
                (src, start, ids) -> handedOn.addAll(ids))) {
            for (int round = from; round < to; round++) {
                for (int u = 0; u < URLS; u++) {
                    char text = "ABBC".charAt(Math.max(0, round - 1));
                    run.add(item("synthetic_parallel", u, "[synthetic] item " + u + " text " + text));
                }
            }
            return run.finish(null);
        }
    }

    /** Item {@code u} of channel {@code u % 3}, forwarded from one of two channels; one link per text. */
    private static IncomingItem item(String channelName, int u, String text) {
        ActorRef channel = new ActorRef(null, "channel" + (u % 3), "synthetic_" + (u % 3), "[synthetic] C", "channel");
        ActorRef origin = new ActorRef(null, "channel9" + (u % 2), null, "[synthetic] O", "channel");
        ObjectNode raw = Json.MAPPER.createObjectNode().put("text", text);
        String link = "https://example.org/" + u + "/" + text.charAt(text.length() - 1);
        List<Outlink> outlinks = new ArrayList<>(List.of(new Outlink(link, "example.org")));
        return new IncomingItem("https://t.me/" + channelName + "/" + u, null, channel, Integer.toString(u), channel,
                origin, null, Instant.parse("2019-11-21T10:00:00Z"), null, text, RawRecords.json(raw), () -> outlinks, List.of());
    }
}
