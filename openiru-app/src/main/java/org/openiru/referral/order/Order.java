package org.openiru.referral.order;

import java.time.Instant;
import java.util.List;

/**
 * A removal order as issued, with what happened since: the platform's answers and the order's events. The
 * clock is not stored; {@link #clock(Instant)} derives it.
 */
public record Order(long id, String reference, long unitId, String unitName, String unitSlug, long platformId,
                    String platformName, Instant createdAt, Instant receivedAt, String receivedVia, Annex annex,
                    List<Line> items, List<Answer> answers, List<Event> events) {

    /** The Annex I fields kept with the order (sections A and C–G; B is {@link #items}). */
    public record Annex(String issuingState, String addressee, String legalRepresentative, String contactPoint,
                        Instant issuedAt, int nonDisclosureDays, String nonDisclosureReason, String hostState,
                        String hostAuthority, String hostAuthorityContact, Instant copySentAt, String authorityName,
                        String authorityAddress, String authorityContact, long officerId, String officerName,
                        String followupContact, String redressBody, String redressTimeLimit,
                        String redressProcedure, String emergencyReason, String pdfSha256, String signature,
                        String keyId) {
        public boolean crossBorder() {
            return !hostState.isEmpty();
        }
    }

    /** One URL of section B ({@code id} is the referral item's id, which the platform answers). */
    public record Line(long id, long itemId, long caseId, String url, List<String> categories, String entity,
                       String reason, List<String> sha256, List<String> pdq) {
    }

    public record Answer(long referralItemId, String answer, String reasonCode, String reason, Instant actedAt,
                         Instant recordedAt) {
    }

    public record Event(long id, String kind, String text, Instant at, Instant deadline, String userName) {
    }

    public OrderClock.Result clock(Instant now) {
        return OrderClock.fold(receivedAt, items.stream().map(Line::id).toList(),
                answers.stream().map(a -> new OrderClock.Answer(a.referralItemId(), a.answer(), a.reasonCode(),
                        a.actedAt(), a.recordedAt())).toList(),
                events.stream().map(e -> new OrderClock.Event(e.kind(), e.at())).toList(), now);
    }

    /** The file name of the order's PDF. */
    public String pdfName() {
        return reference.replaceAll("[^A-Za-z0-9-]", "_") + ".pdf";
    }
}
