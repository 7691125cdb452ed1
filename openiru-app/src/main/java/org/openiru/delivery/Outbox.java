package org.openiru.delivery;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Adds to the outbox inside the caller's transaction, so that "decided to send" and "will be sent" commit
 * together: a crash before the commit sends nothing, a crash after it leaves the row for the workers.
 */
public final class Outbox {
    private Outbox() {
    }

    /** @return the new delivery's id, or empty when one with the same key was added before */
    public static Optional<Long> add(Handle h, Outgoing m, Instant now) {
        Optional<Long> id = h.createQuery("""
                        INSERT INTO deliveries (key, channel, purpose, platform_id, referral_id, recipient, subject,
                                                body_text, body_json, next_attempt_at, created_at)
                        VALUES (:key, :channel, :purpose, :platform, :referral, :recipient, :subject, :text,
                                CAST(:json AS jsonb), :now, :now)
                        ON CONFLICT (key) DO NOTHING
                        RETURNING id""")
                .bind("key", m.key()).bind("channel", m.channel()).bind("purpose", m.purpose())
                .bind("platform", m.platformId()).bind("referral", m.referralId()).bind("recipient", m.recipient())
                .bind("subject", m.subject()).bind("text", m.text() == null ? "" : m.text()).bind("json", m.json())
                .bind("now", now)
                .mapTo(Long.class).findOne();
        id.ifPresent(d -> {
            int position = 0;
            for (Outgoing.Attachment a : m.attachments()) {
                h.createUpdate("""
                                INSERT INTO delivery_attachments (delivery_id, position, file_name, media_type, content)
                                VALUES (:d, :p, :name, :type, :content)""")
                        .bind("d", d).bind("p", position++).bind("name", a.fileName()).bind("type", a.mediaType())
                        .bind("content", a.content()).execute();
            }
        });
        return id;
    }
}
