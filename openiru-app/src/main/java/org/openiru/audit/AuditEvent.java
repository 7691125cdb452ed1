package org.openiru.audit;

import java.time.Instant;

/** One row of the audit log as stored. */
public record AuditEvent(long seq, Instant occurredAt, Long actorId, String actorName, Long unitId, String action,
                         String subjectType, String subjectId, String payload, String requestId, byte[] prevHash,
                         byte[] hash) {
}
