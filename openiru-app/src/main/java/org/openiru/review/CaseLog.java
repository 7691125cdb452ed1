package org.openiru.review;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.openiru.app.Json;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;

/**
 * Appends case events. Each append also writes the audit log and the case's workflow state as
 * {@link CaseState#fold} derives it from all the case's events, in the caller's transaction.
 */
final class CaseLog {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final AuditLog audit;

    CaseLog(AuditLog audit) {
        this.audit = audit;
    }

    long append(Handle h, Actor who, long caseId, String kind, Map<String, Object> payload, UUID batchId) {
        String json = Json.write(payload);
        long id = h.createQuery("""
                        INSERT INTO review_case_events (case_id, kind, actor_id, actor_name, unit_id, batch_id, payload)
                        VALUES (:case, :kind, :actorId, :actorName, :unitId, :batch, CAST(:payload AS jsonb))
                        RETURNING id""")
                .bind("case", caseId).bind("kind", kind).bind("actorId", who.userId()).bind("actorName", who.name())
                .bind("unitId", who.unitId()).bind("batch", batchId).bind("payload", json)
                .mapTo(Long.class).one();
        Map<String, Object> audited = new LinkedHashMap<>(payload);
        audited.put("event", id);
        if (batchId != null) {
            audited.put("batch", batchId.toString());
        }
        audit.record(h, who, "case." + kind, "case", caseId, audited);
        CaseState.Derived state = CaseState.fold(events(h, caseId));
        h.createUpdate("UPDATE review_cases SET state = ?, updated_at = now() WHERE id = ?")
                .bind(0, state.workflow().id()).bind(1, caseId).execute();
        return id;
    }

    static List<CaseEvent> events(Handle h, long caseId) {
        return h.createQuery("""
                        SELECT id, case_id, kind, actor_id, actor_name, unit_id, at, batch_id, payload::text
                        FROM review_case_events WHERE case_id = ? ORDER BY id""").bind(0, caseId)
                .map((rs, c) -> new CaseEvent(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        (Long) rs.getObject(4), rs.getString(5), (Long) rs.getObject(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getObject(8, UUID.class),
                        parse(rs.getString(9)))).list();
    }

    private static Map<String, Object> parse(String json) {
        try {
            return Json.MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Case event payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
