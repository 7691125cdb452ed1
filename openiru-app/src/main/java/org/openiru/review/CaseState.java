package org.openiru.review;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The state of a case, derived from its events and from nothing else. The workflow part (new, assessed,
 * approved, …) is stored on the case row for queue queries; a claim makes a case "in review" and an active hold
 * makes it "held" on top of the workflow state, which it returns to when the claim or hold ends.
 */
public enum CaseState {
    NEW, IN_REVIEW, ASSESSED, APPROVED, REFERRED, CLOSED, ESCALATED, HELD, NOT_ACTIONABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseState of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** What the events say: the workflow state, who holds the claim (null: nobody), the case holds in force. */
    public record Derived(CaseState workflow, Long claimedBy, Set<Long> holds) {
        /** The state shown: a hold first, then a claim, then the workflow state. */
        public CaseState shown() {
            if (!holds.isEmpty()) {
                return HELD;
            }
            return claimedBy != null ? IN_REVIEW : workflow;
        }
    }

    public static Derived fold(List<CaseEvent> events) {
        CaseState workflow = NEW;
        Long claimedBy = null;
        Set<Long> holds = new HashSet<>();
        for (CaseEvent e : events) {
            switch (e.kind()) {
                case "created", "approval_rejected", "reopened" -> workflow = NEW;
                case "claimed" -> claimedBy = e.actorId();
                case "released", "claim_expired" -> claimedBy = null;
                case "assessed" -> {
                    claimedBy = null;
                    boolean needsApproval = Boolean.TRUE.equals(e.payload().get("needsApproval"));
                    workflow = needsApproval ? ASSESSED : outcomeState(e.text("outcome"));
                }
                case "escalated" -> {
                    claimedBy = null;
                    workflow = ESCALATED;
                }
                case "approved" -> workflow = outcomeState(e.text("outcome"));
                case "referred" -> workflow = REFERRED;
                case "closed" -> {
                    claimedBy = null;
                    workflow = CLOSED;
                }
                case "held" -> holds.add(holdId(e));
                case "hold_lifted", "hold_expired" -> holds.remove(holdId(e));
                case "item_added", "routed", "commented", "order_issued", "order_breached" -> {
                    // recorded for the timeline; the state stays
                }
                default -> throw new IllegalArgumentException("Unknown case event " + e.kind() + " (event " + e.id()
                        + ")");
            }
        }
        return new Derived(workflow, claimedBy, Set.copyOf(holds));
    }

    /** The state an accepted assessment leads to. */
    static CaseState outcomeState(String outcome) {
        return Assessment.TERRORIST.equals(outcome) ? APPROVED : NOT_ACTIONABLE;
    }

    private static long holdId(CaseEvent e) {
        return ((Number) e.payload().get("holdId")).longValue();
    }
}
