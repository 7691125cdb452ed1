package org.openiru.verify.reappear;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.ingest.ActorRef;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.testing.FreshDatabase;
import org.openiru.verify.RemovalFixture;

/** Reappearance against a real database: each way, the reappeared queue, the retro pass, what must not match. */
@ExtendWith(FreshDatabase.class)
class ReappearTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String OTHER_TEXT = "[synthetic] a long statement of a group that was referred but the "
            + "platform rejected the referral so the content stays online and nothing about it counts as removed "
            + "بيان تجريبي آخر لم يُحذف";

    @Test
    void eachWayFlagsANewItemLinksTheRemovedCaseAndPutsItInTheReappearedQueueAtTopPriority(OpenIru app)
            throws Exception {
        RemovalFixture f = new RemovalFixture(app, "reap");
        String picture = f.picture(1, 0);
        ActorRef relay = f.actor("channel-1", "amaq_relay");
        long removedItem = f.item(relay, RemovalFixture.LONG_TEXT, picture, null);
        long boilerplate = f.item(relay, "[synthetic] join us", null, null);
        long removedCase = f.removedCase(RemovalFixture.ids(removedItem, boilerplate), HOUR);
        long earlier = f.item(f.actor("old-1", "old_copy"), "[synthetic] seen before", picture, null);
        app.db.jdbi().useHandle(h -> h.execute("UPDATE items SET collected_at = now() - interval '2 days' "
                + "WHERE id = ?", earlier));
        long rejected = f.item(f.actor("other-1", "other_channel"), OTHER_TEXT, null, null);
        f.answer(f.caseOf(List.of(rejected)), List.of(rejected), "rejected", HOUR);

        app.reappear.step.sync();

        long sameFile = f.item(f.actor("u-b", "someone_b"), "[synthetic] short", picture, null);
        long similar = f.item(f.actor("u-d", "someone_d"), "[synthetic] another", f.picture(1, 12), null);
        long sameText = f.item(f.actor("u-e", "someone_e"), RemovalFixture.LONG_TEXT.replace("today", "tonight"),
                null, null);
        long variant = f.item(f.actor("channel-1-new", "amaq_relay2"), "[synthetic] hello", null, null);
        long sameHandle = f.item(f.actor("channel-1-again", "@Amaq_Relay"), "[synthetic] hi", null, null);
        long shortCopy = f.item(f.actor("u-h", "someone_h"), "[synthetic] join us", null, null);
        long unrelated = f.item(f.actor("u-i", "someone_i"), "[synthetic] a weather report for the coast with rain "
                + "in the morning and sun in the afternoon and a light wind from the west over the whole region",
                f.picture(99, 0), null);
        long notRemoved = f.item(f.actor("u-n", "someone_n"), OTHER_TEXT, null, null);
        List<Long> all = List.of(earlier, sameFile, similar, sameText, variant, sameHandle, shortCopy, unrelated,
                notRemoved, removedItem);

        List<Long> found = app.reappear.check.check(all);

        List<Reappearances.Row> rows = app.reappear.reappearances.list(null, null, null, 100);
        assertThat(found).hasSize(rows.size());
        Map<Long, List<String>> how = rows.stream().collect(Collectors.groupingBy(Reappearances.Row::itemId,
                Collectors.mapping(Reappearances.Row::how, Collectors.toList())));
        assertThat(how).containsOnlyKeys(sameFile, similar, sameText, variant, sameHandle);
        assertThat(how.get(sameFile)).containsExactly("blob");
        assertThat(how.get(similar)).containsExactly("pdq");
        assertThat(how.get(sameText)).containsExactly("text");
        assertThat(how.get(variant)).containsExactly("actor");
        assertThat(how.get(sameHandle)).containsExactly("actor");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.removedCaseId()).isEqualTo(removedCase);
            assertThat(r.entity()).isEqualTo("Synthetic Front");
            assertThat(r.platform()).isEqualTo("[synthetic] Chat reap");
        });
        Reappearances.Row pdq = row(rows, similar);
        assertThat(Integer.parseInt(pdq.text("distance"))).isBetween(0, 31); // a brighter copy: another file
        assertThat(pdq.text("sha256")).isNotEqualTo(picture);
        assertThat(pdq.text("removedSha256")).isEqualTo(picture);
        assertThat(row(rows, sameFile).text("sha256")).isEqualTo(picture);
        assertThat(Integer.parseInt(row(rows, sameText).text("distance"))).isBetween(0, 6);
        assertThat(row(rows, variant).text("same")).isEqualTo("false");
        assertThat(row(rows, variant).text("removedHandle")).isEqualTo("amaq_relay");
        assertThat(row(rows, sameHandle).text("same")).isEqualTo("true");

        // one case of the reappeared queue, top priority, the removed case's unit, all the items in it
        List<Long> caseIds = rows.stream().map(Reappearances.Row::caseId).distinct().toList();
        assertThat(caseIds).hasSize(1).doesNotContainNull();
        long reappeared = caseIds.get(0);
        Map<String, Object> c = app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT q.name, c.priority, c.unit_id, c.state FROM review_cases c JOIN review_queues q ON q.id = c.queue_id
                WHERE c.id = ?""").bind(0, reappeared).mapToMap().one());
        assertThat(c).containsEntry("name", "reappeared").containsEntry("priority", 100)
                .containsEntry("unit_id", f.unit.id()).containsEntry("state", "new");
        List<Long> inCase = app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT item_id FROM review_case_items WHERE case_id = ? ORDER BY item_id").bind(0, reappeared)
                .mapTo(Long.class).list());
        assertThat(inCase).containsExactlyInAnyOrder(sameFile, similar, sameText, variant, sameHandle);
        assertThat(app.reappear.reappearances.ofCase(reappeared)).hasSize(rows.size());
        assertThat(app.reappear.reappearances.ofCase(removedCase)).hasSize(rows.size());
        assertThat(audited(app, "item.reappeared")).isEqualTo(rows.size());

        // running again finds nothing new and opens nothing
        long cases = app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM review_cases")
                .mapTo(Long.class).one());
        assertThat(app.reappear.check.check(all)).isEmpty();
        app.reappear.step.sync();
        assertThat(app.reappear.reappearances.list(null, null, null, 100)).hasSize(rows.size());
        long casesAfter = app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM review_cases")
                .mapTo(Long.class).one());
        assertThat(casesAfter).isEqualTo(cases);

        // counted once per item, per platform and entity
        assertThat(app.reappear.reappearances.countsByPlatform(null, null, f.unit.id()))
                .containsExactly(new Reappearances.Count("[synthetic] Chat reap", 5, 1));
        assertThat(app.reappear.reappearances.countsByEntity(null, null, null))
                .containsExactly(new Reappearances.Count("Synthetic Front", 5, 1));

        // a later match adds to the open reappeared case
        long later = f.item(f.actor("u-l", "someone_l"), "[synthetic] again", picture, null);
        assertThat(app.reappear.check.check(List.of(later))).hasSize(1);
        assertThat(row(app.reappear.reappearances.list(null, null, null, 100), later).caseId()).isEqualTo(reappeared);
    }

    @Test
    void theRetroPassFlagsItemsFirstSeenAfterTheRemovalButBeforeItWasKnown(OpenIru app) throws Exception {
        RemovalFixture f = new RemovalFixture(app, "retro");
        String picture = f.picture(7, 0);
        long removedItem = f.item(f.actor("r-1", "retro_source"), "[synthetic] removed", picture, null);
        long removedCase = f.removedCase(List.of(removedItem), HOUR);
        long copy = f.item(f.actor("r-2", "retro_copy"), "[synthetic] copy", picture, null);
        long near = f.item(f.actor("r-3", "retro_near"), "[synthetic] near", f.picture(7, 12), null);
        drain(app, ReappearStep.CHECK, app.reappear.step::handleCheck);
        assertThat(app.reappear.reappearances.list(null, null, f.unit.id(), 10)).isEmpty();

        app.reappear.step.sync(); // learns the removal: queues the retro pass and a retro-hunt of its picture
        drain(app, ReappearStep.CHECK, app.reappear.step::handleCheck);
        drain(app, org.openiru.signals.RetroHunts.QUEUE, app.signals.retroHunts::run);
        app.reappear.step.sync(); // picks up the hunt's hits

        List<Reappearances.Row> rows = app.reappear.reappearances.list(null, null, f.unit.id(), 10);
        assertThat(rows).extracting(Reappearances.Row::itemId, Reappearances.Row::how)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(copy, "blob"),
                        org.assertj.core.groups.Tuple.tuple(near, "pdq"));
        assertThat(rows).allSatisfy(r -> assertThat(r.removedCaseId()).isEqualTo(removedCase));
    }

    @Test
    void shortHandleVariantsAndTheSameAccountPostingAgainAreNotReappearances(OpenIru app) {
        RemovalFixture f = new RemovalFixture(app, "handles");
        ActorRef shortHandle = f.actor("h-1", "ab1");
        long removedItem = f.item(shortHandle, "[synthetic] removed post", null, null);
        f.removedCase(List.of(removedItem), HOUR);
        app.reappear.step.sync();

        long variant = f.item(f.actor("h-2", "ab2"), "[synthetic] post", null, null);
        long sameAccount = f.item(shortHandle, "[synthetic] next post of the same account", null, null);
        assertThat(app.reappear.check.check(List.of(variant, sameAccount))).isEmpty();
    }

    private static Reappearances.Row row(List<Reappearances.Row> rows, long item) {
        return rows.stream().filter(r -> r.itemId() == item).findFirst().orElseThrow();
    }

    private static long audited(OpenIru app, String action) {
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_events WHERE action = ?")
                .bind(0, action).mapTo(Long.class).one());
    }

    /** Runs every job of a queue through its handler, as a worker would. */
    static void drain(OpenIru app, String queue, JobHandler handler) throws Exception {
        for (List<Job> jobs = claim(app, queue); !jobs.isEmpty(); jobs = claim(app, queue)) {
            for (Job j : jobs) {
                handler.handle(j);
                app.jobs.complete(j);
            }
        }
    }

    private static List<Job> claim(OpenIru app, String queue) {
        return app.jobs.claim(queue, 100, Duration.ofMinutes(5), "test");
    }
}
