package org.openiru.ingest.url;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * TikTok: {@code https://www.tiktok.com/@<user>/video/<id>} with the user name lower-cased and the query
 * ({@code is_from_webapp}, {@code sender_device}, {@code _r}, {@code _t}) dropped. The short links
 * {@code vm.tiktok.com/<code>} and {@code vt.tiktok.com/<code>} are kept as they are: resolving them needs the
 * network, and their codes are case-sensitive.
 */
final class TikTokUrls extends HostRule {

    private static final Set<String> SHORT_HOSTS = Set.of("vm.tiktok.com", "vt.tiktok.com");
    private static final Pattern USER = Pattern.compile("@[A-Za-z0-9_.]{1,24}");

    TikTokUrls() {
        super(Set.of("tiktok.com", "www.tiktok.com", "m.tiktok.com",
                "vm.tiktok.com", "vt.tiktok.com"));
    }

    @Override
    UrlParts canonical(UrlParts url) {
        UrlParts tt = url.withoutQuery();
        return url.hostIn(SHORT_HOSTS) ? tt : tt.withHost("www.tiktok.com").lowerSegment(0, USER);
    }
}
