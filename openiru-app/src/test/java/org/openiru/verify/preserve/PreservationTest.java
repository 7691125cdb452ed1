package org.openiru.verify.preserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestClock;
import org.openiru.verify.RemovalFixture;
import org.openiru.web.ApiException;

/** Preservation and the purge against a real database and files, with the clock moved past six months. */
@ExtendWith(FreshDatabase.class)
class PreservationTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void afterThePreservationPeriodRemovedContentIsPurgedOnceUnlessALegalHoldKeepsIt(OpenIru app, TestClock clock)
            throws Exception {
        RemovalFixture f = new RemovalFixture(app, "keep");
        User supervisor = app.users.create(RemovalFixture.SYSTEM, new Users.NewUser(f.unit.id(), "keeper", "Keeper",
                "", EnumSet.of(Role.SUPERVISOR), null, "en", "test-password-123"));
        Actor boss = new Actor(supervisor.id(), supervisor.username(), f.unit.id(), "req-1");
        String own = f.picture(3, 0);
        String shared = f.picture(4, 0);
        long removed = f.item(f.actor("p-1", "keep_one"), RemovalFixture.LONG_TEXT, own, "https://links.example/x");
        long sharing = f.item(f.actor("p-2", "keep_two"), "[synthetic] removed, file kept by another", shared, null);
        long notRemoved = f.item(f.actor("p-3", "keep_three"), "[synthetic] still online", shared,
                "https://links.example/y");
        long held = f.item(f.actor("p-4", "keep_four"), "[synthetic] under a legal hold", null, null);
        long inHeldCase = f.item(f.actor("p-5", "keep_five"), "[synthetic] in a held case", null, null);
        f.removedCase(List.of(removed, sharing), HOUR);
        f.removedCase(List.of(held), HOUR);
        long heldCase = f.removedCase(List.of(inHeldCase), HOUR);
        f.caseOf(List.of(notRemoved));
        Preservation.LegalHold itemHold = app.preservation.place(boss, f.unit.id(), new Preservation.NewHold(null,
                held, "[synthetic] appeal before the administrative court", null));
        app.preservation.place(boss, f.unit.id(), new Preservation.NewHold(heldCase, null,
                "[synthetic] prosecutor asked until the trial", clock.instant().plus(Duration.ofDays(200))));
        long referralRows = count(app, "SELECT count(*) FROM referral_items") + count(app,
                "SELECT count(*) FROM referral_answers");

        assertThat(app.preservation.purge()).isZero();
        Preservation.Status before = app.preservation.status(removed);
        assertThat(before.removed()).isTrue();
        assertThat(before.preservedUntil()).isEqualTo(before.removedAt().plus(Duration.ofDays(183)));
        assertThat(app.preservation.status(held).held()).isTrue();
        assertThat(app.preservation.status(held).heldUntil()).isNull();
        assertThat(app.preservation.status(inHeldCase).held()).isTrue();
        assertThat(app.preservation.status(notRemoved).removed()).isFalse();

        clock.advance(Duration.ofDays(184));
        assertThat(app.preservation.purge()).isEqualTo(2);

        assertThat(text(app, removed)).isEqualTo("|{}");
        assertThat(text(app, sharing)).isEqualTo("|{}");
        assertThat(count(app, "SELECT count(*) FROM outlinks WHERE item_id = " + removed)).isZero();
        assertThat(Files.exists(app.blobs.path(own))).isFalse();
        assertThat(Files.exists(app.blobs.path(shared))).isTrue(); // still carried by an item not removed
        assertThat(app.blobs.find(own)).isPresent(); // the record of the file and its hashes stay
        assertThat(count(app, "SELECT count(*) FROM content_signals WHERE content_ref = '" + own + "'")).isEqualTo(3);
        assertThat(count(app, "SELECT count(*) FROM item_blobs WHERE item_id = " + removed)).isEqualTo(1);
        assertThat(text(app, notRemoved)).startsWith("[synthetic] still online|");
        assertThat(count(app, "SELECT count(*) FROM outlinks WHERE item_id = " + notRemoved)).isEqualTo(1);
        assertThat(text(app, held)).startsWith("[synthetic] under a legal hold|");
        assertThat(text(app, inHeldCase)).startsWith("[synthetic] in a held case|");
        assertThat(count(app, "SELECT count(*) FROM referral_items") + count(app,
                "SELECT count(*) FROM referral_answers")).isEqualTo(referralRows);
        assertThat(purgedSubjects(app)).containsExactlyInAnyOrder(String.valueOf(removed), String.valueOf(sharing));
        assertThat(app.preservation.status(removed).purgedAt()).isNotNull();

        // a second purge does nothing
        assertThat(app.preservation.purge()).isZero();
        assertThat(purgedSubjects(app)).hasSize(2);

        // nothing is left to hold once purged; a hold needs a reason
        assertThatThrownBy(() -> app.preservation.place(boss, f.unit.id(), new Preservation.NewHold(null, removed,
                "[synthetic] too late", null))).isInstanceOf(ApiException.class).hasMessageContaining("purged");
        ApiException noReason = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () ->
                app.preservation.place(boss, f.unit.id(), new Preservation.NewHold(null, held, " ", null)));
        assertThat(noReason.field()).isEqualTo("reason");

        // lifting the item's hold lets the next purge take it; the case's hold runs to its end date
        app.preservation.lift(boss, f.unit.id(), itemHold.id(), "[synthetic] the appeal was decided");
        assertThat(app.preservation.purge()).isEqualTo(1);
        assertThat(text(app, held)).isEqualTo("|{}");
        clock.advance(Duration.ofDays(20));
        assertThat(app.preservation.purge()).isEqualTo(1);
        assertThat(purgedSubjects(app)).hasSize(4);
        assertThat(count(app, "SELECT count(*) FROM audit_events WHERE action LIKE 'legal_hold.%'")).isEqualTo(3);
    }

    private static String text(OpenIru app, long item) {
        return app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT v.text || '|' || CAST(v.raw AS text) FROM item_versions v WHERE v.item_id = ?""")
                .bind(0, item).mapTo(String.class).one());
    }

    private static List<String> purgedSubjects(OpenIru app) {
        return app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT subject_id FROM audit_events WHERE action = 'item.purged' ORDER BY seq").mapTo(String.class)
                .list());
    }

    private static long count(OpenIru app, String sql) {
        return app.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
