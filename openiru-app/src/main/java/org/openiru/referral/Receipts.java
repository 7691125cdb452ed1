package org.openiru.referral;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.openiru.store.Rows;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;

/**
 * Receipt of a referral or removal order by the platform's own action: a user opening it in the portal, or a
 * client fetching it through the API. Only the first receipt counts (a confirmed delivery may have come first):
 * a removal order's one-hour clock starts there, so it is never moved.
 */
public final class Receipts {
    private Receipts() {
    }

    /** @return true when this was the receipt (audited as {@code referral.received}) */
    public static boolean stamp(Handle h, AuditLog audit, Actor who, long platformId, long referralId, String via,
                                Instant now) {
        return h.createQuery("""
                        UPDATE referrals SET received_at = :now, received_via = :via
                        WHERE id = :id AND platform_id = :platform AND received_at IS NULL
                        RETURNING reference, kind""")
                .bind("now", Rows.utc(now)).bind("via", via).bind("id", referralId)
                .bind("platform", platformId).mapToMap().findOne()
                .map(r -> {
                    audit.record(h, who, "referral.received", "referral", referralId,
                            Map.of("reference", r.get("reference"), "kind", r.get("kind"), "via", via));
                    return true;
                }).orElse(false);
    }
}
