package org.openiru.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state of a case follows from its events alone. */
class CaseStateTest {
    private final List<CaseEvent> events = new ArrayList<>();

    private CaseState.Derived after(String kind, Long actor, Map<String, Object> payload) {
        events.add(new CaseEvent(events.size() + 1, 1, kind, actor, "u" + actor, 1L, Instant.now(), null, payload));
        return CaseState.fold(events);
    }

    @Test
    void walksFromNewToApprovedAndBackWhenRejected() {
        assertThat(after("created", null, Map.of()).shown()).isEqualTo(CaseState.NEW);
        CaseState.Derived claimed = after("claimed", 7L, Map.of());
        assertThat(claimed.shown()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(claimed.claimedBy()).isEqualTo(7L);
        CaseState.Derived assessed = after("assessed", 7L, Map.of("outcome", "terrorist", "needsApproval", true));
        assertThat(assessed.shown()).isEqualTo(CaseState.ASSESSED);
        assertThat(assessed.claimedBy()).isNull();
        assertThat(after("approval_rejected", 8L, Map.of("comment", "why")).shown()).isEqualTo(CaseState.NEW);
        after("claimed", 7L, Map.of());
        after("assessed", 7L, Map.of("outcome", "terrorist", "needsApproval", true));
        assertThat(after("approved", 8L, Map.of("outcome", "terrorist")).shown()).isEqualTo(CaseState.APPROVED);
        assertThat(after("referred", 8L, Map.of()).shown()).isEqualTo(CaseState.REFERRED);
        assertThat(after("closed", 8L, Map.of()).shown()).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void holdsAndClaimsLieOverTheWorkflowStateAndEndWithoutChangingIt() {
        after("created", null, Map.of());
        after("claimed", 7L, Map.of());
        assertThat(after("held", 9L, Map.of("holdId", 1)).shown()).isEqualTo(CaseState.HELD);
        assertThat(after("held", 9L, Map.of("holdId", 2)).holds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(after("hold_lifted", 9L, Map.of("holdId", 1)).shown()).isEqualTo(CaseState.HELD);
        assertThat(after("hold_expired", null, Map.of("holdId", 2)).shown()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(after("claim_expired", null, Map.of()).shown()).isEqualTo(CaseState.NEW);
        assertThat(after("commented", 7L, Map.of("text", "x")).shown()).isEqualTo(CaseState.NEW);
    }

    @Test
    void notActionableWithoutApprovalEscalationAndReopening() {
        after("created", null, Map.of());
        assertThat(after("assessed", 7L, Map.of("outcome", "not_actionable", "needsApproval", false)).shown())
                .isEqualTo(CaseState.NOT_ACTIONABLE);
        assertThat(after("reopened", 8L, Map.of()).shown()).isEqualTo(CaseState.NEW);
        assertThat(after("escalated", 7L, Map.of("outcome", "escalate")).shown()).isEqualTo(CaseState.ESCALATED);
        assertThat(after("assessed", 8L, Map.of("outcome", "not_actionable", "needsApproval", true)).shown())
                .isEqualTo(CaseState.ASSESSED);
        assertThat(after("approved", 9L, Map.of("outcome", "not_actionable")).shown())
                .isEqualTo(CaseState.NOT_ACTIONABLE);
    }

    @Test
    void anUnknownEventIsAnErrorNotIgnored() {
        after("created", null, Map.of());
        assertThatThrownBy(() -> after("teleported", 1L, Map.of())).hasMessageContaining("teleported");
    }
}
