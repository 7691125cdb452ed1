package org.openiru.ingest.url;

import java.util.Set;

/**
 * Query parameters that only say how someone arrived at a page (campaigns, click ids, share sheets); they are
 * removed from every URL. Parameters that are tracking on one platform but meaningful elsewhere ({@code si},
 * {@code feature}, {@code s}, {@code t}, {@code ref}) are removed by that platform's rule only.
 */
final class TrackingParams {

    private static final Set<String> NAMES = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
            "igshid", "igsh", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url", "_gl",
            "oly_anon_id", "oly_enc_id", "vero_id", "mibextid");

    private TrackingParams() {
    }

    static boolean isTracking(String name) {
        return name.startsWith("utm_") || NAMES.contains(name);
    }
}
