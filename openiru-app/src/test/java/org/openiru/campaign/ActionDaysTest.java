package org.openiru.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.ingest.ItemQueries;
import org.openiru.review.ReviewFixture;
import org.openiru.store.Rows;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestClock;
import org.openiru.web.ApiException;

/**
 * Action days on a real database through the real services: planning with field-named errors, the plan's counts,
 * the tagging of referrals made while a day runs (and not after its close), and the figures of the live board and
 * the final report.
 */
@ExtendWith(FreshDatabase.class)
class ActionDaysTest {
    private static final String GROUP_A = "Group A [synthetic]";
    private static final String GROUP_B = "Group B [synthetic]";

    static ActionDays.Input input(String name, Instant starts, List<Long> platforms, List<String> entities) {
        return new ActionDays.Input(name, "[synthetic] test day", starts.toString(),
                starts.plus(8, ChronoUnit.HOURS).toString(), List.of(), platforms, entities, List.of(), List.of());
    }

    @Test
    void referralsWhileRunningAreTaggedCountedAndFiguredAndNotAfterTheClose(OpenIru app, TestClock clock) {
        CampaignFixture f = new CampaignFixture(app, "day-unit");
        long p = CampaignFixture.platform(app, "day-p");
        long q = CampaignFixture.platform(app, "day-q");
        List<Long> alpha = f.items(p, "alpha", 2);
        List<Long> beta = f.items(p, "beta", 1);
        List<Long> late = f.items(p, "late", 1);
        List<Long> other = f.items(q, "other", 1);
        long caseA = f.approvedCase(alpha, GROUP_A);
        long caseB = f.approvedCase(beta, GROUP_B);
        long caseQ = f.approvedCase(other, GROUP_A);
        ActionDays days = app.campaign.days;

        ActionDay day = days.create(f.supervisor, f.actor(f.supervisor), input("Day [synthetic]", clock.instant(),
                List.of(p), List.of(GROUP_A)));
        long betaActor = f.actorOf(beta.get(0));
        assertThat(days.addTargets(f.analyst, f.actor(f.analyst), day.id(), List.of(betaActor, betaActor)))
                .isEqualTo(1);

        // The plan: Group A's two items (entity) and the target's item, all ready; the other platform is not the day's
        ActionDayPlan.Plan plan = app.campaign.plans.plan(day, List.of(betaActor));
        assertThat(plan.perPlatform()).extracting(ActionDayPlan.Line::platformId, ActionDayPlan.Line::ready,
                ActionDayPlan.Line::inReview, ActionDayPlan.Line::unassessed).containsExactly(
                org.assertj.core.groups.Tuple.tuple(p, 3L, 0L, 0L));
        Map<String, Long> bySource = plan.lines().stream().collect(Collectors.toMap(ActionDayPlan.Line::source,
                ActionDayPlan.Line::ready));
        assertThat(bySource).isEqualTo(Map.of("entity", 2L, "target", 1L));

        Instant start = clock.instant();
        assertThat(days.start(f.supervisor, f.actor(f.supervisor), day.id()).running()).isTrue();
        clock.advance(Duration.ofMinutes(10));
        List<Long> referred = f.refer(List.of(caseA, caseB, caseQ));
        assertThat(referred).hasSize(4);
        long a1 = referralItem(app, alpha.get(0));
        long a2 = referralItem(app, alpha.get(1));
        long b1 = referralItem(app, beta.get(0));
        assertThat(List.of(a1, a2, b1)).allSatisfy(ri -> assertThat(f.dayOfReferralItem(ri)).isEqualTo(day.id()));
        assertThat(f.dayOfReferralItem(referralItem(app, other.get(0)))).as("platform not in the day").isNull();
        assertThat(app.campaign.plans.plan(day, List.of(betaActor)).perPlatform()).as("all referred").isEmpty();

        clock.advance(Duration.ofMinutes(30));
        f.answer(p, a1, "removed");
        f.answer(p, b1, "rejected");
        clock.advance(Duration.ofMinutes(50));
        ActionDay closed = days.close(f.supervisor, f.actor(f.supervisor), day.id());
        assertThat(closed.closed()).isTrue();

        // After the close: referred through the same path, not tagged
        long caseLate = f.approvedCase(late, GROUP_A);
        f.refer(List.of(caseLate));
        assertThat(f.dayOfReferralItem(referralItem(app, late.get(0)))).isNull();

        ActionDayFigures fig = app.campaign.figures.figures(closed);
        ActionDayFigures.Counts t = fig.total();
        assertThat(List.of(t.referred(), t.removed(), t.pending(), t.rejected())).containsExactly(3L, 1L, 1L, 1L);
        assertThat(t.removalRate()).isEqualTo(1.0 / 3);
        // the test clock moves with real time too: the half hour it was moved on and the test's own seconds
        assertThat(t.medianToRemoval()).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(31));
        assertThat(t.p90ToRemoval()).isEqualTo(t.medianToRemoval());
        assertThat(fig.perPlatform()).extracting(ActionDayFigures.Row::key, ActionDayFigures.Row::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(String.valueOf(p), "Platform day-p"));
        assertThat(fig.perEntity()).extracting(r -> r.label() + "=" + r.counts().referred())
                .containsExactly(GROUP_A + "=2", GROUP_B + "=1");
        assertThat(fig.perContentType()).extracting(ActionDayFigures.Row::key).containsExactly("video");
        assertThat(fig.perUnit()).extracting(ActionDayFigures.Row::label).containsExactly(f.unit.name());
        assertThat(fig.perKind()).extracting(r -> r.key() + "=" + r.counts().referred()).containsExactly("referral=3");
        assertThat(fig.keyActors()).extracting(a -> a.actorId() + ":" + a.target() + ":" + a.referred() + ":"
                + a.removed() + ":" + a.takenDown()).containsExactly(betaActor + ":true:1:0:false",
                f.actorOf(alpha.get(0)) + ":false:2:1:false");
        ActionDayFigures.TimePoint last = fig.timeline().get(fig.timeline().size() - 1);
        assertThat(List.of(last.referred(), last.removed())).containsExactly(3L, 1L);
        assertThat(fig.timeline().get(0).at()).isEqualTo(start.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
        assertThat(fig.day().platforms()).containsExactly("Platform day-p");
        assertThat(fig.reappearedCases()).isZero();
        ActionDayFigures board = app.campaign.figures.board(closed);
        assertThat(board.total()).isEqualTo(fig.total());
        assertThat(board.perPlatform()).isEqualTo(fig.perPlatform());
        assertThat(board.keyActors()).isEqualTo(fig.keyActors());
        assertThat(board.perEntity()).as("not on the board").isEmpty();

        // The second item comes down after the close: the actor is taken down, and the figures still count it
        clock.advance(Duration.ofHours(2));
        f.answer(p, a2, "removed");
        // Content of case A seen again a day after the close counts; eight days after does not
        reappeared(app, f, late.get(0), caseA, alpha.get(0), closed.closedAt().plus(1, ChronoUnit.DAYS), "blob");
        reappeared(app, f, late.get(0), caseB, beta.get(0), closed.closedAt().plus(8, ChronoUnit.DAYS), "pdq");
        fig = app.campaign.figures.figures(closed);
        assertThat(fig.total().removed()).isEqualTo(2);
        assertThat(fig.keyActors().get(1).takenDown()).isTrue();
        assertThat(fig.timeline().get(fig.timeline().size() - 1).removed()).as("stretched to the last removal")
                .isEqualTo(2);
        assertThat(fig.reappearedCases()).isEqualTo(1);

        // A check that saw the rejected item gone: the kept rows still say what the first definition of the view says
        app.db.jdbi().useHandle(h -> h.execute("INSERT INTO verify_checks (referral_item_id, checked_at, outcome, url, "
                + "duration_ms) VALUES (?, now(), 'gone', 'https://beta.example/post/0', 5)", b1));
        assertThat(app.campaign.figures.figures(closed).total().removed()).isEqualTo(3);
        assertThat(differences(app)).isZero();

        for (String action : List.of("action_day.created", "action_day.targets_added", "action_day.started",
                "action_day.closed")) {
            assertThat(app.audit.search(new AuditLog.Filter(action, "action_day", String.valueOf(day.id()), null,
                    null, null), null, 10)).as(action).hasSize(1);
        }
    }

    @Test
    void planningErrorsNameTheFieldAndOnlyTheOrganisersSupervisorsRunTheDay(OpenIru app, TestClock clock) {
        CampaignFixture f = new CampaignFixture(app, "err-unit");
        CampaignFixture other = new CampaignFixture(app, "err-other");
        long p = CampaignFixture.platform(app, "err-p");
        ActionDays days = app.campaign.days;
        Instant now = clock.instant();
        assertField(() -> days.create(f.supervisor, f.actor(f.supervisor), input(" ", now, List.of(p), List.of())),
                "name");
        assertField(() -> days.create(f.supervisor, f.actor(f.supervisor), new ActionDays.Input("x", "", "tomorrow",
                "2026-12-02T08:00", List.of(), List.of(p), List.of(), List.of(), List.of())), "startsAt");
        assertField(() -> days.create(f.supervisor, f.actor(f.supervisor), new ActionDays.Input("x", "",
                "2026-12-02T08:00", "2026-12-02T07:00", List.of(), List.of(p), List.of(), List.of(), List.of())),
                "endsAt");
        assertField(() -> days.create(f.supervisor, f.actor(f.supervisor), input("x", now, List.of(), List.of())),
                "platforms");
        assertField(() -> days.create(f.supervisor, f.actor(f.supervisor), input("x", now, List.of(p + 1000),
                List.of())), "platforms");
        SavedSearches.SavedSearch foreign = app.campaign.searches.save(other.analyst, other.actor(other.analyst),
                "Other unit's [synthetic]", "q=post");
        assertField(() -> days.create(f.supervisor, f.actor(f.supervisor), new ActionDays.Input("x", "",
                "2026-12-02T08:00", "2026-12-02T18:00", List.of(), List.of(p), List.of(), List.of(),
                List.of(foreign.id()))), "savedSearches");
        assertThatThrownBy(() -> days.create(f.analyst, f.actor(f.analyst), input("x", now, List.of(p), List.of())))
                .isInstanceOf(ApiException.class).extracting("status").isEqualTo(403);

        ActionDay day = days.create(f.supervisor, f.actor(f.supervisor), input("<b>Day</b> [synthetic]", now,
                List.of(p), List.of()));
        assertThat(day.unitIds()).containsExactly(f.unit.id());
        assertThatThrownBy(() -> days.visible(other.supervisor, day.id())).isInstanceOf(ApiException.class)
                .extracting("status").isEqualTo(404);
        User auditor = ReviewFixture.user(app, other.unit, "err-auditor", Role.AUDITOR);
        assertThat(days.visible(auditor, day.id()).id()).isEqualTo(day.id());
        assertThat(days.list(other.supervisor)).isEmpty();
        assertThatThrownBy(() -> days.start(f.analyst, f.actor(f.analyst), day.id())).isInstanceOf(ApiException.class)
                .extracting("status").isEqualTo(403);
        assertThatThrownBy(() -> days.close(f.supervisor, f.actor(f.supervisor), day.id()))
                .isInstanceOf(ApiException.class).extracting("status").isEqualTo(409);
        days.start(f.supervisor, f.actor(f.supervisor), day.id());
        assertThatThrownBy(() -> days.update(f.supervisor, f.actor(f.supervisor), day.id(), input("y", now,
                List.of(p), List.of()))).isInstanceOf(ApiException.class).extracting("field").isEqualTo("status");
        assertField(() -> days.addTargets(f.supervisor, f.actor(f.supervisor), day.id(), List.of(-5L)), "actor");
    }

    @Test
    void savedSearchesFindWhatTheItemsPageFindsAndCountInThePlan(OpenIru app, TestClock clock) {
        CampaignFixture f = new CampaignFixture(app, "search-unit");
        long p = CampaignFixture.platform(app, "search-p");
        List<Long> items = f.items(p, "needle", 3);
        f.items(p, "hay", 2);
        SavedSearches searches = app.campaign.searches;
        String query = "q=needle&platform=" + p + "&before=999";
        SavedSearches.SavedSearch s = searches.save(f.analyst, f.actor(f.analyst), "Needles [synthetic]", query);
        assertThat(s.query()).isEqualTo("q=needle&platform=" + p);
        ItemQueries.ItemFilter filter = SavedSearches.filter(s.query());
        assertThat(searches.count(s)).isEqualTo(3).isEqualTo(new ItemQueries(app.db.jdbi()).search(filter, null, 100)
                .size());
        assertField(() -> searches.save(f.analyst, f.actor(f.analyst), "Needles [synthetic]", "q=x"), "name");
        assertField(() -> searches.save(f.analyst, f.actor(f.analyst), "Bad band", "band=purple"), "band");

        ActionDay day = app.campaign.days.create(f.supervisor, f.actor(f.supervisor), new ActionDays.Input(
                "Search day [synthetic]", "", "2026-12-02T08:00", "2026-12-02T18:00", List.of(), List.of(p),
                List.of(), List.of(), List.of(s.id())));
        f.approvedCase(List.of(items.get(0)), GROUP_A);
        ActionDayPlan.Plan plan = app.campaign.plans.plan(day, List.of());
        assertThat(plan.lines()).extracting(l -> l.source() + ":" + l.label() + ":" + l.ready() + ":"
                + l.unassessed()).containsExactly("search:Needles [synthetic]:1:2");
        assertField(() -> searches.delete(f.analyst, f.actor(f.analyst), s.id()), "id");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class).extracting("field").isEqualTo(field);
    }

    /** Rows in which action_day_items and its first definition (V2026_12_02_0110) differ, both ways. */
    private static long differences(OpenIru app) {
        String first = """
                SELECT r.action_day_id, ri.id, r.id, r.kind, r.unit_id, r.platform_id, ri.case_id, ri.item_id,
                       i.actor_id, i.language, ri.entity,
                       (SELECT a.content_type FROM review_assessments a WHERE a.case_id = ri.case_id
                        AND a.outcome = 'terrorist' ORDER BY a.id DESC LIMIT 1),
                       r.created_at, rem.removed_at,
                       CASE WHEN rem.removed_at IS NOT NULL THEN 'removed'
                            WHEN last.answer IN ('rejected', 'cannot_execute') THEN 'rejected' ELSE 'pending' END
                FROM referrals r JOIN referral_items ri ON ri.referral_id = r.id JOIN items i ON i.id = ri.item_id
                LEFT JOIN referral_item_removals rem ON rem.referral_item_id = ri.id
                LEFT JOIN LATERAL (SELECT a.answer FROM referral_answers a WHERE a.referral_item_id = ri.id
                                   ORDER BY a.recorded_at DESC, a.id DESC LIMIT 1) last ON true
                WHERE r.action_day_id IS NOT NULL""";
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ((" + first
                + " EXCEPT SELECT * FROM action_day_items) UNION ALL (SELECT * FROM action_day_items EXCEPT "
                + first + ")) d").mapTo(Long.class).one());
    }

    private static long referralItem(OpenIru app, long itemId) {
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM referral_items WHERE item_id = ?")
                .bind(0, itemId).mapTo(Long.class).one());
    }

    /** A reappearance as the reappearance matcher writes it (verify.reappear), at a chosen time. */
    private static void reappeared(OpenIru app, CampaignFixture f, long item, long removedCase, long removedItem,
                                   Instant at, String how) {
        app.db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO reappearances (item_id, removed_case_id, removed_item_id, how, unit_id, found_at)
                        VALUES (?, ?, ?, ?, ?, ?)""").bind(0, item).bind(1, removedCase).bind(2, removedItem)
                .bind(3, how).bind(4, f.unit.id()).bind(5, Rows.utc(at)).execute());
    }
}
