package org.openiru.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.testing.FreshDatabase;
import org.openiru.unit.Unit;
import org.openiru.web.ApiException;

/** The desk's rules against a real database: claims, four eyes, holds, bulk actions, the wellness cap. */
@ExtendWith(FreshDatabase.class)
class CasesTest {

    @Test
    void twentyParallelRequestsOverTenCasesGiveEachCaseToExactlyOneAnalyst(OpenIru app) throws Exception {
        Unit unit = ReviewFixture.unit(app, "conc");
        // a queue of its own so that other tests' cases do not count
        long queue = app.db.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO review_queues (name) VALUES ('concurrency') RETURNING id").mapTo(Long.class).one());
        for (long item : ReviewFixture.items(app, "conc", 10)) {
            app.review.cases.openFor(ReviewFixture.SYSTEM, unit.id(), new Cases.NewCase(List.of(item),
                    "concurrency", null, "", false));
        }
        List<Reviewer> analysts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            analysts.add(new Reviewer(ReviewFixture.user(app, unit, "conc-" + i, Role.ANALYST), "req-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Long>>> answers = new ArrayList<>();
        for (Reviewer r : analysts) {
            answers.add(pool.submit(() -> {
                start.await();
                return app.review.cases.next(r, queue);
            }));
        }
        start.countDown();
        List<Long> given = new ArrayList<>();
        int none = 0;
        for (Future<Optional<Long>> f : answers) {
            Optional<Long> got = f.get(60, TimeUnit.SECONDS);
            if (got.isPresent()) {
                given.add(got.get());
            } else {
                none++;
            }
        }
        pool.shutdown();
        assertThat(given).hasSize(10).doesNotHaveDuplicates();
        assertThat(none).isEqualTo(10);
        long claims = app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(DISTINCT user_id) FROM review_claims "
                + "cl JOIN review_cases c ON c.id = cl.case_id WHERE c.queue_id = ?").bind(0, queue)
                .mapTo(Long.class).one());
        assertThat(claims).isEqualTo(10);
    }

    @Test
    void anExpiredClaimIsTakenOverWithAnEventAndCannotBeRenewed(OpenIru app) {
        Unit unit = ReviewFixture.unit(app, "claims");
        long item = ReviewFixture.items(app, "claims", 1).get(0);
        long queue = app.db.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO review_queues (name) VALUES ('claims') RETURNING id").mapTo(Long.class).one());
        long caseId = app.review.cases.openFor(ReviewFixture.SYSTEM, unit.id(), new Cases.NewCase(List.of(item),
                "claims", 90, "", false));
        Reviewer a = new Reviewer(ReviewFixture.user(app, unit, "claim-a", Role.ANALYST), "r1");
        Reviewer b = new Reviewer(ReviewFixture.user(app, unit, "claim-b", Role.ANALYST), "r2");

        assertThat(app.review.cases.next(a, queue)).hasValue(caseId);
        assertThat(app.review.cases.next(a, queue)).as("the same person resumes their case").hasValue(caseId);
        assertThat(app.review.cases.next(b, queue)).isEmpty();
        Instant renewed = app.review.cases.renew(a, caseId);
        assertThat(renewed).isAfter(Instant.now().plus(9, ChronoUnit.MINUTES));
        assertThatThrownBy(() -> app.review.cases.claim(b, caseId)).hasMessageContaining("being reviewed by claim-a");

        app.db.jdbi().useHandle(h -> h.execute("UPDATE review_claims SET expires_at = now() - interval '1 second' "
                + "WHERE case_id = ?", caseId));
        assertThat(app.review.queries.row(caseId).orElseThrow().state()).isEqualTo("new");
        assertThatThrownBy(() -> app.review.cases.renew(a, caseId)).hasMessageContaining("claim it again");
        assertThat(app.review.cases.next(b, queue)).hasValue(caseId);
        List<String> kinds = app.review.queries.detail(caseId, unit.id()).orElseThrow().events().stream()
                .map(CaseEvent::kind).toList();
        assertThat(kinds).containsExactly("created", "claimed", "claim_expired", "claimed");
        assertThat(app.review.queries.row(caseId).orElseThrow().claimedBy()).isEqualTo("claim-b");

        app.review.cases.release(b, caseId, true);
        assertThat(app.review.cases.next(b, queue)).as("a skipped case is not handed back at once").isEmpty();
        assertThat(app.review.cases.next(a, queue)).hasValue(caseId);
    }

    @Test
    void nobodyApprovesTheirOwnAssessmentAndOnlyThoseWithTheRightApprove(OpenIru app) {
        Unit unit = ReviewFixture.unit(app, "eyes");
        long caseId = ReviewFixture.caseOf(app, unit, ReviewFixture.items(app, "eyes", 1).get(0), false);
        Reviewer supervisor = new Reviewer(ReviewFixture.user(app, unit, "eyes-sup", Role.SUPERVISOR), "r");
        Reviewer analyst = new Reviewer(ReviewFixture.user(app, unit, "eyes-an", Role.ANALYST), "r");
        Reviewer senior = new Reviewer(ReviewFixture.user(app, unit, "eyes-senior", Role.ANALYST), "r");

        assertThatThrownBy(() -> app.review.cases.assess(supervisor, caseId, new Assessment("terrorist", List.of(),
                "X", 2, "video", null, null, null))).isInstanceOf(ApiException.class)
                .hasMessageContaining("category");
        app.review.cases.assess(supervisor, caseId, ReviewFixture.terrorist());
        assertThat(app.review.queries.row(caseId).orElseThrow().state()).isEqualTo("assessed");

        assertThatThrownBy(() -> app.review.cases.approve(supervisor, caseId, ""))
                .isInstanceOf(ApiException.class).hasMessageContaining("four eyes");
        assertThatThrownBy(() -> app.review.cases.reject(supervisor, caseId, "no"))
                .hasMessageContaining("four eyes");
        assertThatThrownBy(() -> app.review.cases.approve(analyst, caseId, ""))
                .hasMessageContaining("senior analyst");
        app.review.settings.saveAnalyst(supervisor, senior.user(), true, null);
        app.review.cases.approve(senior, caseId, "agreed");
        assertThat(app.review.queries.row(caseId).orElseThrow().state()).isEqualTo("approved");
        assertThat(app.audit.search(new AuditLog.Filter("case.approved", "case", String.valueOf(caseId), null, null,
                null), null, 5)).hasSize(1);

        long assessment = app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM review_assessments WHERE case_id = ?").bind(0, caseId).mapTo(Long.class).one());
        assertThatThrownBy(() -> app.db.jdbi().useHandle(h -> h.execute("INSERT INTO review_approvals "
                + "(assessment_id, approver_id, decision) VALUES (?, ?, 'approved')", assessment, supervisor.id())))
                .hasMessageContaining("must not be its assessor");
        assertThatThrownBy(() -> app.db.jdbi().useHandle(h -> h.execute(
                "DELETE FROM review_case_events WHERE case_id = ?", caseId))).hasMessageContaining("append-only");
    }

    @Test
    void aHeldCaseIsNotApprovedUntilTheHoldExpiresWithAnEvent(OpenIru app) {
        Unit holding = ReviewFixture.unit(app, "hold-a");
        Unit other = ReviewFixture.unit(app, "hold-b");
        long caseId = ReviewFixture.caseOf(app, holding, ReviewFixture.items(app, "hold", 1).get(0), false);
        Reviewer investigator = new Reviewer(ReviewFixture.user(app, holding, "hold-inv", Role.ANALYST), "r");
        Reviewer analyst = new Reviewer(ReviewFixture.user(app, holding, "hold-an", Role.ANALYST), "r");
        Reviewer foreign = new Reviewer(ReviewFixture.user(app, other, "hold-sup-b", Role.SUPERVISOR), "r");
        app.review.cases.assess(analyst, caseId, ReviewFixture.terrorist());
        Holds.Hold hold = app.review.holds.place(investigator, new Holds.NewHold(caseId, null,
                "[synthetic] operation reference secret", "OP-1", "desk@unit.example",
                Instant.now().plus(2, ChronoUnit.DAYS)));

        assertThat(app.review.queries.row(caseId).orElseThrow().state()).isEqualTo("held");
        Holds.Hold seenByOther = app.review.queries.detail(caseId, other.id()).orElseThrow().holds().get(0);
        assertThat(seenByOther.reason()).isNull();
        assertThat(seenByOther.reference()).isNull();
        assertThat(seenByOther.contact()).isEqualTo("desk@unit.example");
        assertThatThrownBy(() -> app.review.cases.approve(foreign, caseId, ""))
                .isInstanceOf(ApiException.class).hasMessageContaining("held by Unit hold-a");
        assertThatThrownBy(() -> app.review.holds.lift(foreign, hold.id())).hasMessageContaining("Only Unit hold-a");
        assertThat(app.audit.search(new AuditLog.Filter("case.held", null, null, null, null, null), null, 5))
                .allSatisfy(e -> assertThat(e.payload()).doesNotContain("secret").doesNotContain("OP-1"));

        app.db.jdbi().useHandle(h -> h.execute("UPDATE review_holds SET expires_at = now() - interval '1 second' "
                + "WHERE id = ?", hold.id()));
        assertThat(app.review.holds.expireDue()).isEqualTo(1);
        assertThat(app.review.holds.expireDue()).isZero();
        app.review.cases.approve(foreign, caseId, "");
        List<String> kinds = app.review.queries.detail(caseId, holding.id()).orElseThrow().events().stream()
                .map(CaseEvent::kind).toList();
        assertThat(kinds).containsSubsequence("held", "hold_expired", "approved");
    }

    @Test
    void anActorHoldBlocksApprovalOfEveryCaseWithItsItems(OpenIru app) {
        Unit unit = ReviewFixture.unit(app, "actor-hold");
        long item = ReviewFixture.items(app, "actorhold", 1).get(0);
        long caseId = ReviewFixture.caseOf(app, unit, item, false);
        long actor = app.db.jdbi().withHandle(h -> h.createQuery("SELECT actor_id FROM items WHERE id = ?")
                .bind(0, item).mapTo(Long.class).one());
        Reviewer a = new Reviewer(ReviewFixture.user(app, unit, "ah-an", Role.ANALYST), "r");
        Reviewer s = new Reviewer(ReviewFixture.user(app, unit, "ah-sup", Role.SUPERVISOR), "r");
        app.review.cases.assess(a, caseId, ReviewFixture.terrorist());
        app.review.holds.place(s, new Holds.NewHold(null, actor, "watching", "", "", Instant.now().plusSeconds(3600)));
        assertThatThrownBy(() -> app.review.cases.approve(s, caseId, "")).hasMessageContaining("held by");
    }

    @Test
    void bulkActionsNeedAReasonAConfirmedCountAndStayUnderTheCap(OpenIru app) {
        Unit unit = ReviewFixture.unit(app, "bulk");
        List<Long> cases = ReviewFixture.items(app, "bulk", 3).stream()
                .map(item -> ReviewFixture.caseOf(app, unit, item, false)).toList();
        Reviewer sup = new Reviewer(ReviewFixture.user(app, unit, "bulk-sup", Role.SUPERVISOR), "r");
        List<Long> tooMany = LongStream.rangeClosed(1, Cases.BULK_CAP + 1).boxed().toList();

        assertThatThrownBy(() -> app.review.cases.bulk(sup, new Cases.Bulk(tooMany, "close", "dup", null,
                tooMany.size()))).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> app.review.cases.bulk(sup, new Cases.Bulk(cases, "close", " ", null, 3)))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> app.review.cases.bulk(sup, new Cases.Bulk(cases, "close", "dup", null, 2)))
                .hasMessageContaining("Confirm the number of cases: 3");
        Cases.BulkResult done = app.review.cases.bulk(sup, new Cases.Bulk(cases, "close", "[synthetic] duplicates",
                null, 3));
        assertThat(done.count()).isEqualTo(3);
        for (long id : cases) {
            CaseQueries.CaseDetail d = app.review.queries.detail(id, unit.id()).orElseThrow();
            assertThat(d.row().state()).isEqualTo("closed");
            CaseEvent last = d.events().get(d.events().size() - 1);
            assertThat(last.batchId()).isEqualTo(done.batchId());
            assertThat(last.text("reason")).isEqualTo("[synthetic] duplicates");
        }
        assertThatThrownBy(() -> app.review.cases.bulk(sup, new Cases.Bulk(cases, "close", "again", null, 3)))
                .hasMessageContaining("cannot be closed");
    }

    @Test
    void theDailyCapStopsHandingOutGraphicCases(OpenIru app) {
        Unit unit = ReviewFixture.unit(app, "well");
        long queue = app.db.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO review_queues (name) VALUES ('wellness') RETURNING id").mapTo(Long.class).one());
        List<Long> items = ReviewFixture.items(app, "well", 3);
        Set<Long> graphic = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            long id = app.review.cases.openFor(ReviewFixture.SYSTEM, unit.id(), new Cases.NewCase(
                    List.of(items.get(i)), "wellness", i < 2 ? 90 : 10, "", i < 2));
            if (i < 2) {
                graphic.add(id);
            }
        }
        Reviewer sup = new Reviewer(ReviewFixture.user(app, unit, "well-sup", Role.SUPERVISOR), "r");
        Reviewer a = new Reviewer(ReviewFixture.user(app, unit, "well-an", Role.ANALYST), "r");
        app.review.settings.saveAnalyst(sup, a.user(), false, 1);

        long first = app.review.cases.next(a, queue).orElseThrow();
        assertThat(graphic).contains(first);
        app.review.cases.assess(a, first, new Assessment("not_actionable", null, null, null, null, "research", null,
                null));
        long second = app.review.cases.next(a, queue).orElseThrow();
        assertThat(graphic).as("cap of 1 graphic case reached").doesNotContain(second);
        Wellness.Exposure e = app.review.wellness.of(a.id());
        assertThat(e.cases()).isEqualTo(2);
        assertThat(e.graphic()).isEqualTo(1);
        assertThat(e.capReached()).isTrue();
        assertThat(app.review.wellness.ofUnit(unit.id())).extracting(Wellness.Exposure::username)
                .contains("well-an", "well-sup");
        assertThat(Collections.frequency(app.review.queries.list(new CaseQueries.Filter(queue, "not_actionable",
                null), 10).stream().map(CaseQueries.CaseRow::id).toList(), first)).isEqualTo(1);
    }

    @Test
    void anItemCanBeAddedAndSeenAgain(OpenIru app) {
        Unit unit = ReviewFixture.unit(app, "add");
        List<Long> items = ReviewFixture.items(app, "add", 2);
        long caseId = ReviewFixture.caseOf(app, unit, items.get(0), false);
        app.review.cases.addItem(ReviewFixture.SYSTEM, caseId, items.get(1));
        app.review.cases.addItem(ReviewFixture.SYSTEM, caseId, items.get(1));
        CaseQueries.CaseDetail d = app.review.queries.detail(caseId, unit.id()).orElseThrow();
        assertThat(d.items()).hasSize(2);
        assertThat(d.events().stream().filter(e -> e.kind().equals("item_added"))).hasSize(1);
        assertThat(d.items().get(1).lastSeen()).isAfter(d.items().get(1).firstSeen());
        assertThatThrownBy(() -> app.review.cases.openFor(ReviewFixture.SYSTEM, unit.id(),
                new Cases.NewCase(List.of(-5L), null, null, null, null))).hasMessageContaining("Item -5");
        assertThatThrownBy(() -> app.review.cases.openFor(ReviewFixture.SYSTEM, unit.id(),
                new Cases.NewCase(java.util.Arrays.asList(items.get(0), null), null, null, null, null)))
                .hasMessageContaining("not null");
        User u = ReviewFixture.user(app, unit, "add-user", Role.ANALYST);
        assertThat(u.id()).isPositive();
    }

    @Test
    void aRejectedAssessmentGoesBackAndAnEscalationIsDecidedByASupervisor(OpenIru app) {
        Unit unit = ReviewFixture.unit(app, "flow");
        List<Long> items = ReviewFixture.items(app, "flow", 2);
        long sentBack = ReviewFixture.caseOf(app, unit, items.get(0), false);
        long escalated = ReviewFixture.caseOf(app, unit, items.get(1), false);
        Reviewer analyst = new Reviewer(ReviewFixture.user(app, unit, "flow-an", Role.ANALYST), "r");
        Reviewer sup = new Reviewer(ReviewFixture.user(app, unit, "flow-sup", Role.SUPERVISOR), "r");

        app.review.cases.assess(analyst, sentBack, ReviewFixture.terrorist());
        assertThatThrownBy(() -> app.review.cases.reject(sup, sentBack, " ")).hasMessageContaining("why");
        app.review.cases.reject(sup, sentBack, "[synthetic] this is a news report");
        assertThat(app.review.queries.row(sentBack).orElseThrow().state()).isEqualTo("new");
        CaseQueries.AssessmentRow decided = app.review.queries.detail(sentBack, unit.id()).orElseThrow()
                .assessments().get(0);
        assertThat(decided.decision()).isEqualTo("rejected");
        assertThat(decided.decisionComment()).isEqualTo("[synthetic] this is a news report");

        assertThatThrownBy(() -> app.review.cases.assess(analyst, escalated, new Assessment("escalate", null, null,
                null, null, null, " ", null))).hasMessageContaining("question");
        app.review.cases.assess(analyst, escalated, new Assessment("escalate", null, null, null, null, null,
                "Is this satire?", null));
        assertThat(app.review.queries.row(escalated).orElseThrow().state()).isEqualTo("escalated");
        assertThat(app.review.queries.awaitingDecision(10)).extracting(CaseQueries.CaseRow::id).contains(escalated);
        assertThatThrownBy(() -> app.review.cases.assess(analyst, escalated, ReviewFixture.terrorist()))
                .hasMessageContaining("supervisor or senior analyst");
        app.review.cases.assess(sup, escalated, new Assessment("not_actionable", null, null, null, null, "artistic",
                null, null));
        assertThat(app.review.queries.row(escalated).orElseThrow().state()).isEqualTo("not_actionable");
    }

    @Test
    void aUnitCanRequireApprovalForNotActionableToo(OpenIru app) {
        Unit unit = ReviewFixture.unit(app, "strict");
        long caseId = ReviewFixture.caseOf(app, unit, ReviewFixture.items(app, "strict", 1).get(0), false);
        Reviewer analyst = new Reviewer(ReviewFixture.user(app, unit, "strict-an", Role.ANALYST), "r");
        Reviewer sup = new Reviewer(ReviewFixture.user(app, unit, "strict-sup", Role.SUPERVISOR), "r");
        assertThat(app.review.settings.approvalOutcomes(unit.id())).containsExactly("terrorist");
        assertThat(app.review.settings.setApprovalOutcomes(sup, Set.of("not_actionable")))
                .containsExactlyInAnyOrder("terrorist", "not_actionable");
        assertThatThrownBy(() -> app.review.settings.setApprovalOutcomes(sup, Set.of("escalate")))
                .hasMessageContaining("escalate");

        app.review.cases.assess(analyst, caseId, new Assessment("not_actionable", null, null, null, null,
                "journalism", null, null));
        assertThat(app.review.queries.row(caseId).orElseThrow().state()).isEqualTo("assessed");
        app.review.cases.approve(sup, caseId, "");
        assertThat(app.review.queries.row(caseId).orElseThrow().state()).isEqualTo("not_actionable");
    }

    @Test
    void aQueueHandsCasesOnlyToItsUnitAndRoles(OpenIru app) {
        Unit own = ReviewFixture.unit(app, "q-own");
        Unit other = ReviewFixture.unit(app, "q-other");
        long queue = app.db.jdbi().withHandle(h -> h.createQuery("INSERT INTO review_queues (name, unit_id, roles) "
                + "VALUES ('own-only', ?, '{supervisor}') RETURNING id").bind(0, own.id()).mapTo(Long.class).one());
        app.review.cases.openFor(ReviewFixture.SYSTEM, own.id(), new Cases.NewCase(
                ReviewFixture.items(app, "qown", 1), "own-only", null, null, null));
        Reviewer ownAnalyst = new Reviewer(ReviewFixture.user(app, own, "q-an", Role.ANALYST), "r");
        Reviewer otherSup = new Reviewer(ReviewFixture.user(app, other, "q-other-sup", Role.SUPERVISOR), "r");
        Reviewer ownSup = new Reviewer(ReviewFixture.user(app, own, "q-sup", Role.SUPERVISOR), "r");
        assertThatThrownBy(() -> app.review.cases.next(ownAnalyst, queue)).hasMessageContaining("not open to you");
        assertThatThrownBy(() -> app.review.cases.next(otherSup, queue)).hasMessageContaining("not open to you");
        assertThat(app.review.cases.next(ownSup, queue)).isPresent();
    }

    @Test
    void theSameContentAlreadyApprovedInAnotherUnitIsShown(OpenIru app) {
        Unit first = ReviewFixture.unit(app, "dec-a");
        Unit second = ReviewFixture.unit(app, "dec-b");
        long item = ReviewFixture.items(app, "dec", 1).get(0);
        long approved = ReviewFixture.caseOf(app, first, item, false);
        long later = ReviewFixture.caseOf(app, second, item, false);
        assertThat(app.review.queries.detail(later, second.id()).orElseThrow().conflicts()).isEmpty();
        app.review.cases.assess(new Reviewer(ReviewFixture.user(app, first, "dec-an", Role.ANALYST), "r"), approved,
                ReviewFixture.terrorist());
        app.review.cases.approve(new Reviewer(ReviewFixture.user(app, first, "dec-sup", Role.SUPERVISOR), "r"),
                approved, "");
        List<CaseQueries.Conflict> conflicts = app.review.queries.detail(later, second.id()).orElseThrow()
                .conflicts();
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).caseId()).isEqualTo(approved);
        assertThat(conflicts.get(0).unit()).isEqualTo("Unit dec-a");
        assertThat(conflicts.get(0).state()).isEqualTo("approved");
        assertThat(conflicts.get(0).sameItem()).isTrue();
    }
}
