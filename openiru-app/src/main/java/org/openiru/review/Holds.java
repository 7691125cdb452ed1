package org.openiru.review;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Rows;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.ApiException;

/**
 * Deconfliction holds ("leave online — ongoing investigation") on a case or on an actor. While a hold is in
 * force nobody approves the case for referral or refers it. The reason and reference are the holding unit's:
 * other units see only who holds it, until when, and whom to contact. Neither goes into case events or the
 * audit log, which other units read.
 */
public final class Holds {
    static final Duration LONGEST = Duration.ofDays(366);
    private static final Actor EXPIRY = Actor.system("hold-expiry");
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final CaseLog log;

    Holds(Jdbi jdbi, AuditLog audit, CaseLog log) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.log = log;
    }

    /** A hold as one person may see it: {@code reason} and {@code reference} are null outside the holding unit. */
    public record Hold(long id, Long caseId, Long actorId, String actorName, long unitId, String unitName,
                       String reason, String reference, String contact, Instant expiresAt, Instant createdAt) {
        public boolean ownUnit() {
            return reason != null;
        }
    }

    /** What a new hold says. Exactly one of {@code caseId} and {@code actorId}. */
    public record NewHold(Long caseId, Long actorId, String reason, String reference, String contact,
                          Instant until) {
    }

    public Hold place(Reviewer who, NewHold in) {
        if ((in.caseId() == null) == (in.actorId() == null)) {
            throw ApiException.badRequest("caseId", "Hold either a case (caseId) or an actor (actorId)");
        }
        String reason = in.reason() == null ? "" : in.reason().strip();
        if (reason.isEmpty() || reason.length() > 2000) {
            throw ApiException.badRequest("reason", "Give the reason for the hold (up to 2000 characters)");
        }
        Instant now = Instant.now();
        if (in.until() == null || !in.until().isAfter(now) || in.until().isAfter(now.plus(LONGEST))) {
            throw ApiException.badRequest("until", "until must be a time in the next 366 days");
        }
        return jdbi.inTransaction(h -> {
            if (in.caseId() != null) {
                Cases.requireCase(h, in.caseId());
            } else if (h.createQuery("SELECT count(*) FROM actors WHERE id = ?").bind(0, in.actorId())
                    .mapTo(Long.class).one() == 0) {
                throw ApiException.notFound("Actor " + in.actorId());
            }
            long id = h.createQuery("""
                            INSERT INTO review_holds (case_id, actor_id, unit_id, reason, reference, contact, expires_at,
                                created_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .bind(0, in.caseId()).bind(1, in.actorId()).bind(2, who.user().unitId()).bind(3, reason)
                    .bind(4, text(in.reference())).bind(5, text(in.contact())).bind(6, Rows.utc(in.until()))
                    .bind(7, who.id()).mapTo(Long.class).one();
            Map<String, Object> payload = Map.of("holdId", id, "unitId", who.user().unitId(),
                    "until", in.until().toString());
            if (in.caseId() != null) {
                log.append(h, who.actor(), in.caseId(), "held", payload, null);
            } else {
                audit.record(h, who.actor(), "actor.held", "actor", in.actorId(), payload);
            }
            return find(h, id, who.user().unitId());
        });
    }

    /** The holding unit ends its hold early. */
    public void lift(Reviewer who, long holdId) {
        jdbi.useTransaction(h -> {
            Hold hold = h.createQuery("SELECT id FROM review_holds WHERE id = ? AND ended_at IS NULL FOR UPDATE")
                    .bind(0, holdId).mapTo(Long.class).findOne().map(id -> find(h, id, who.user().unitId()))
                    .orElseThrow(() -> ApiException.notFound("Hold " + holdId + " in force"));
            if (!hold.ownUnit()) {
                throw ApiException.forbidden("Only " + hold.unitName() + ", which placed the hold, can lift it");
            }
            end(h, hold, who.actor(), "hold_lifted");
        });
    }

    /**
     * Ends every hold whose time is up, with an event. Run hourly by housekeeping and before anything that a
     * hold blocks, so that a hold never outlives its expiry.
     */
    public int expireDue() {
        return jdbi.inTransaction(h -> expireDue(h));
    }

    int expireDue(Handle h) {
        List<Long> due = h.createQuery("""
                        SELECT id FROM review_holds WHERE ended_at IS NULL AND expires_at <= now()
                        ORDER BY id FOR UPDATE SKIP LOCKED""").mapTo(Long.class).list();
        for (long id : due) {
            end(h, find(h, id, null), EXPIRY, "hold_expired");
        }
        return due.size();
    }

    private void end(Handle h, Hold hold, Actor who, String kind) {
        h.createUpdate("UPDATE review_holds SET ended_at = now(), ended_by = ? WHERE id = ?")
                .bind(0, who.name()).bind(1, hold.id()).execute();
        Map<String, Object> payload = Map.of("holdId", hold.id(), "unitId", hold.unitId());
        if (hold.caseId() != null) {
            log.append(h, who, hold.caseId(), kind, payload, null);
        } else {
            audit.record(h, who, "actor." + kind, "actor", hold.actorId(), payload);
        }
    }

    /** Holds in force on the case or on an actor of its items, as seen by a person of {@code viewerUnit}. */
    static List<Hold> active(Handle h, long caseId, long viewerUnit) {
        return select(h, """
                WHERE hd.ended_at IS NULL AND hd.expires_at > now() AND (hd.case_id = :case OR hd.actor_id IN (
                    SELECT i.actor_id FROM review_case_items ci JOIN items i ON i.id = ci.item_id WHERE ci.case_id = :case))
                ORDER BY hd.id""", viewerUnit).bind("case", caseId).map(Holds::map).list();
    }

    /** Refuses when a hold is in force, naming only what another unit may know. */
    static void requireNone(Handle h, long caseId, long viewerUnit) {
        requireNone(h, List.of(caseId), viewerUnit);
    }

    /**
     * Refuses when a hold is in force on any of the cases or on an actor of their items, naming the first held
     * case and only what another unit may know about the hold (who, until when, whom to contact; never why).
     */
    public static void requireNone(Handle h, java.util.Collection<Long> caseIds, long viewerUnit) {
        Set<Long> held = held(h, caseIds);
        if (held.isEmpty()) {
            return;
        }
        long caseId = held.stream().min(Long::compare).orElseThrow();
        Hold first = active(h, caseId, viewerUnit).get(0);
        throw new ApiException(409, "held", "Case " + caseId + " is held by " + first.unitName() + " until "
                + first.expiresAt() + (first.contact().isEmpty() ? "" : " (contact " + first.contact() + ")")
                + ": it cannot be approved for referral or referred", null);
    }

    /** Which of the cases a hold in force blocks (on the case, or on an actor of its items), in one query. */
    public static Set<Long> held(Handle h, java.util.Collection<Long> caseIds) {
        return Set.copyOf(h.createQuery("""
                        SELECT DISTINCT c.id FROM unnest(CAST(:cases AS bigint[])) AS c(id)
                        WHERE EXISTS (SELECT 1 FROM review_holds hd WHERE hd.ended_at IS NULL AND hd.expires_at > now()
                                      AND hd.case_id = c.id)
                           OR EXISTS (SELECT 1 FROM review_case_items ci JOIN items i ON i.id = ci.item_id
                                      JOIN review_holds hd ON hd.actor_id = i.actor_id AND hd.ended_at IS NULL
                                      AND hd.expires_at > now() WHERE ci.case_id = c.id)""")
                .bind("cases", caseIds.toArray(new Long[0])).mapTo(Long.class).list());
    }

    private static Hold find(Handle h, long id, Long viewerUnit) {
        return select(h, "WHERE hd.id = :id", viewerUnit == null ? -1 : viewerUnit).bind("id", id)
                .map(Holds::map).one();
    }

    private static org.jdbi.v3.core.statement.Query select(Handle h, String where, long viewerUnit) {
        return h.createQuery("""
                SELECT hd.id, hd.case_id, hd.actor_id, COALESCE(NULLIF(a.display_name, ''), a.handle, a.external_id),
                       hd.unit_id, u.name,
                       CASE WHEN hd.unit_id = :viewer THEN hd.reason END,
                       CASE WHEN hd.unit_id = :viewer THEN hd.reference END,
                       COALESCE(NULLIF(hd.contact, ''), u.contact_email), hd.expires_at, hd.created_at
                FROM review_holds hd JOIN units u ON u.id = hd.unit_id LEFT JOIN actors a ON a.id = hd.actor_id
                """ + where).bind("viewer", viewerUnit);
    }

    private static Hold map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
            throws java.sql.SQLException {
        return new Hold(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getObject(11, OffsetDateTime.class).toInstant());
    }

    private static String text(String s) {
        String v = s == null ? "" : s.strip();
        if (v.length() > 500) {
            throw ApiException.badRequest("reference", "reference and contact are at most 500 characters");
        }
        return v;
    }

}
