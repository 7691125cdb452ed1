package org.openiru.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * How an audit row's hash is made: SHA-256 over the previous row's hash and every column of the row, each
 * length-prefixed so that no two different rows can produce the same input.
 */
final class AuditChain {
    static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    static byte[] hash(byte[] prevHash, long seq, Instant occurredAt, Long actorId, String actorName, Long unitId,
                       String action, String subjectType, String subjectId, String payload, String requestId) {
        MessageDigest sha = sha256();
        sha.update(prevHash);
        field(sha, Long.toString(seq));
        field(sha, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
        field(sha, Objects.toString(actorId, ""));
        field(sha, actorName);
        field(sha, Objects.toString(unitId, ""));
        field(sha, action);
        field(sha, subjectType);
        field(sha, subjectId);
        field(sha, payload);
        field(sha, requestId);
        return sha.digest();
    }

    static byte[] hash(AuditEvent e) {
        return hash(e.prevHash(), e.seq(), e.occurredAt(), e.actorId(), e.actorName(), e.unitId(), e.action(),
                e.subjectType(), e.subjectId(), e.payload(), e.requestId());
    }

    private static void field(MessageDigest sha, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        sha.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
