package org.openiru.referral.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.referral.order.OrderClock.Answer;
import org.openiru.referral.order.OrderClock.Event;
import org.openiru.referral.order.OrderClock.Pause;
import org.openiru.referral.order.OrderClock.Result;
import org.openiru.referral.order.OrderClock.State;

/** Every transition of the one-hour clock (TCO Art. 3(3), (7), (8)), from facts alone. */
class OrderClockTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final List<Long> ONE = List.of(1L);
    private static final List<Long> TWO = List.of(1L, 2L);

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Answer removed(long item, int actedMin, int recordedMin) {
        return new Answer(item, "removed", "", at(actedMin), at(recordedMin));
    }

    private static Answer annex3(long item, String code, int recordedMin) {
        return new Answer(item, "cannot_execute", code, at(recordedMin), at(recordedMin));
    }

    @Test
    void notReceivedHasNoDeadlineWhateverTheTime() {
        Result r = OrderClock.fold(null, ONE, List.of(), List.of(), at(500));
        assertThat(r.state()).isEqualTo(State.NOT_RECEIVED);
        assertThat(r.deadline()).isNull();
        assertThat(r.missed()).isEmpty();
    }

    @Test
    void receiptStartsOneHour() {
        Result r = OrderClock.fold(T0, TWO, List.of(), List.of(), at(10));
        assertThat(r.state()).isEqualTo(State.RUNNING);
        assertThat(r.deadline()).isEqualTo(at(60));
    }

    @Test
    void annexTwoForEveryItemInTimeIsMetEvenWhenReportedAfterTheDeadline() {
        Result r = OrderClock.fold(T0, TWO, List.of(removed(1, 20, 21),
                new Answer(2, "access_disabled", "", at(59), at(70))), List.of(), at(200));
        assertThat(r.state()).isEqualTo(State.MET);
        assertThat(r.missed()).isEmpty();
        assertThat(r.items().get(2L).doneAt()).isEqualTo(at(59));
    }

    @Test
    void oneItemLeftRunsOnAndIsBreachedAtTheHour() {
        List<Answer> answers = List.of(removed(1, 20, 21));
        assertThat(OrderClock.fold(T0, TWO, answers, List.of(), at(59)).state()).isEqualTo(State.RUNNING);
        assertThat(OrderClock.fold(T0, TWO, answers, List.of(), at(60)).state()).as("at the deadline: in time")
                .isEqualTo(State.RUNNING);
        Result late = OrderClock.fold(T0, TWO, answers, List.of(), at(61));
        assertThat(late.state()).isEqualTo(State.BREACHED);
        assertThat(late.deadline()).isEqualTo(at(60));
        assertThat(late.missed()).containsExactly(at(60));
    }

    @Test
    void removalAfterTheDeadlineStaysABreach() {
        Result r = OrderClock.fold(T0, ONE, List.of(removed(1, 75, 76)), List.of(), at(80));
        assertThat(r.state()).isEqualTo(State.BREACHED);
        assertThat(r.missed()).containsExactly(at(60));
    }

    @Test
    void insufficientInformationPausesUntilTheClarificationThenAFreshHourRuns() {
        List<Answer> answers = List.of(annex3(1, "insufficient_information", 30));
        Result paused = OrderClock.fold(T0, ONE, answers, List.of(), at(200));
        assertThat(paused.state()).isEqualTo(State.PAUSED);
        assertThat(paused.pause()).isEqualTo(Pause.CLARIFICATION);
        assertThat(paused.missed()).isEmpty();

        List<Event> clarified = List.of(new Event("clarification", at(200)));
        Result running = OrderClock.fold(T0, ONE, answers, clarified, at(210));
        assertThat(running.state()).isEqualTo(State.RUNNING);
        assertThat(running.deadline()).isEqualTo(at(260));

        Result breached = OrderClock.fold(T0, ONE, answers, clarified, at(261));
        assertThat(breached.state()).isEqualTo(State.BREACHED);
        assertThat(breached.missed()).containsExactly(at(260));

        Result met = OrderClock.fold(T0, ONE, List.of(answers.get(0), removed(1, 250, 251)), clarified, at(300));
        assertThat(met.state()).isEqualTo(State.MET);
    }

    @Test
    void manifestErrorAndNeedInformationAlsoWaitForAClarification() {
        Result r = OrderClock.fold(T0, TWO, List.of(annex3(1, "manifest_error", 5),
                new Answer(2, "need_information", "", at(6), at(6))), List.of(), at(100));
        assertThat(r.state()).isEqualTo(State.PAUSED);
        assertThat(r.pause()).isEqualTo(Pause.CLARIFICATION);
    }

    @Test
    void forceMajeurePausesUntilThePlatformSaysTheReasonsCeasedAndAClarificationDoesNotRestartIt() {
        List<Answer> answers = List.of(annex3(1, "force_majeure", 10));
        Result stillPaused = OrderClock.fold(T0, ONE, answers, List.of(new Event("clarification", at(20))), at(300));
        assertThat(stillPaused.state()).isEqualTo(State.PAUSED);
        assertThat(stillPaused.pause()).isEqualTo(Pause.REASONS_CEASED);

        List<Event> ceased = List.of(new Event("reasons_ceased", at(300)));
        Result running = OrderClock.fold(T0, ONE, answers, ceased, at(301));
        assertThat(running.state()).isEqualTo(State.RUNNING);
        assertThat(running.deadline()).isEqualTo(at(360));
    }

    @Test
    void deFactoImpossibilityWaitsLikeForceMajeure() {
        Result r = OrderClock.fold(T0, ONE, List.of(annex3(1, "de_facto_impossibility", 10)), List.of(), at(100));
        assertThat(r.pause()).isEqualTo(Pause.REASONS_CEASED);
    }

    @Test
    void anAnnexThreeAfterTheDeadlineDoesNotUndoTheMissedDeadline() {
        List<Answer> answers = List.of(annex3(1, "insufficient_information", 70));
        Result r = OrderClock.fold(T0, ONE, answers, List.of(), at(80));
        assertThat(r.state()).isEqualTo(State.PAUSED);
        assertThat(r.missed()).containsExactly(at(60));
    }

    @Test
    void oneItemPausedAndOneRunningShowsTheRunningDeadline() {
        Result r = OrderClock.fold(T0, TWO, List.of(annex3(1, "manifest_error", 10)), List.of(), at(30));
        assertThat(r.state()).isEqualTo(State.RUNNING);
        assertThat(r.deadline()).isEqualTo(at(60));
        assertThat(r.items().get(1L).pause()).isEqualTo(Pause.CLARIFICATION);
    }

    @Test
    void aBreachedEventOrAReferralAnswerDoesNotMoveTheClock() {
        Result r = OrderClock.fold(T0, ONE, List.of(new Answer(1, "rejected", "", at(5), at(5))),
                List.of(new Event("breached", at(61))), at(30));
        assertThat(r.state()).isEqualTo(State.RUNNING);
        assertThat(r.deadline()).isEqualTo(at(60));
    }
}
