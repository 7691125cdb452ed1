package org.openiru.review;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One action on a case, as appended to {@code review_case_events}; {@code batchId} is set by bulk actions. */
public record CaseEvent(long id, long caseId, String kind, Long actorId, String actorName, Long unitId, Instant at,
                        UUID batchId, Map<String, Object> payload) {

    /** A payload value as text, or "" when absent. */
    public String text(String key) {
        Object v = payload.get(key);
        return v == null ? "" : String.valueOf(v);
    }
}
