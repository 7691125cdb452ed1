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

    /**
     * Appends one event of the same kind to each case (payload per case), with the same effects as
     * {@link #append} for each, in a handful of statements: the events, their audit rows, and every case's state
     * folded from all its events.
     */
    void appendAll(Handle h, Actor who, String kind, Map<Long, Map<String, Object>> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        List<Long> cases = List.copyOf(payloads.keySet());
        String[] json = cases.stream().map(c -> Json.write(payloads.get(c))).toArray(String[]::new);
        Map<Long, Long> eventOf = new LinkedHashMap<>();
        h.createQuery("""
                        INSERT INTO review_case_events (case_id, kind, actor_id, actor_name, unit_id, payload)
                        SELECT c, :kind, :actorId, :actorName, :unitId, CAST(p AS jsonb)
                        FROM unnest(:cases, :payloads) WITH ORDINALITY AS x(c, p, n) ORDER BY n
                        RETURNING id, case_id""")
                .bind("kind", kind).bind("actorId", who.userId()).bind("actorName", who.name())
                .bind("unitId", who.unitId()).bind("cases", cases.toArray(new Long[0])).bind("payloads", json)
                .map((rs, c) -> Map.entry(rs.getLong(2), rs.getLong(1))).forEach(e -> eventOf.put(e.getKey(),
                        e.getValue()));
        List<AuditLog.Subject> audited = new java.util.ArrayList<>();
        for (long c : cases) {
            Map<String, Object> a = new LinkedHashMap<>(payloads.get(c));
            a.put("event", eventOf.get(c));
            audited.add(new AuditLog.Subject(c, a));
        }
        audit.recordAll(h, who, "case." + kind, "case", audited);
        Map<Long, List<CaseEvent>> byCase = new java.util.HashMap<>();
        h.createQuery("""
                        SELECT id, case_id, kind, actor_id, actor_name, unit_id, at, batch_id, payload::text
                        FROM review_case_events WHERE case_id = ANY(?) ORDER BY case_id, id""")
                .bind(0, cases.toArray(new Long[0])).map(CaseLog::event)
                .forEach(e -> byCase.computeIfAbsent(e.caseId(), k -> new java.util.ArrayList<>()).add(e));
        String[] states = cases.stream().map(c -> CaseState.fold(byCase.get(c)).workflow().id())
                .toArray(String[]::new);
        h.createUpdate("""
                        UPDATE review_cases c SET state = x.s, updated_at = now()
                        FROM unnest(:cases, :states) AS x(id, s) WHERE c.id = x.id""")
                .bind("cases", cases.toArray(new Long[0])).bind("states", states).execute();
    }

    static List<CaseEvent> events(Handle h, long caseId) {
        return h.createQuery("""
                        SELECT id, case_id, kind, actor_id, actor_name, unit_id, at, batch_id, payload::text
                        FROM review_case_events WHERE case_id = ? ORDER BY id""").bind(0, caseId)
                .map(CaseLog::event).list();
    }

    private static CaseEvent event(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
            throws java.sql.SQLException {
        return new CaseEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4), rs.getString(5),
                (Long) rs.getObject(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getObject(8, UUID.class),
                parse(rs.getString(9)));
    }

    private static Map<String, Object> parse(String json) {
        try {
            return Json.MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Case event payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
