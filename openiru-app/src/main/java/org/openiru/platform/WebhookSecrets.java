package org.openiru.platform;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.ApiException;

/**
 * Each platform's secret for the signatures of its webhooks. It is made when a webhook URL is first set and
 * when an administrator rotates it, and shown to that administrator once (the audit log records the change,
 * never the secret).
 */
public final class WebhookSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbi jdbi;
    private final AuditLog audit;

    public WebhookSecrets(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public boolean has(long platformId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT webhook_secret <> '' FROM platforms WHERE id = :id")
                .bind("id", platformId).mapTo(Boolean.class).findOne()
                .orElseThrow(() -> ApiException.notFound("Platform " + platformId)));
    }

    /** Replaces the secret with a new random one (256 bits, hex) and returns it; the old one stops working. */
    public String rotate(Actor actor, long platformId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        jdbi.useTransaction(h -> {
            boolean had = h.createQuery("SELECT webhook_secret <> '' FROM platforms WHERE id = :id FOR UPDATE")
                    .bind("id", platformId).mapTo(Boolean.class).findOne()
                    .orElseThrow(() -> ApiException.notFound("Platform " + platformId));
            h.createUpdate("UPDATE platforms SET webhook_secret = :s, updated_at = now() WHERE id = :id")
                    .bind("s", secret).bind("id", platformId).execute();
            audit.record(h, actor, had ? "platform.webhook_secret.rotated" : "platform.webhook_secret.created",
                    "platform", platformId, Map.of("hint", secret.substring(0, 10) + "…"));
        });
        return secret;
    }
}
