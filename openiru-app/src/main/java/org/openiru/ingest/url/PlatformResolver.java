package org.openiru.ingest.url;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openiru.platform.Platform;

/**
 * Which platform a host belongs to, from the platforms' own domain lists. A host matches a domain when it is the
 * domain or a subdomain of it (label boundary: {@code m.youtube.com} is YouTube, {@code evilyoutube.com} is not);
 * the longest matching domain wins, so a platform listed for {@code sites.example.com} beats one for
 * {@code example.com}. When two platforms list the same domain, the first in the list keeps it.
 */
public final class PlatformResolver {

    private final Map<String, Platform> byDomain = new HashMap<>();

    public PlatformResolver(List<Platform> platforms) {
        for (Platform p : platforms) {
            for (String domain : p.domains()) {
                byDomain.putIfAbsent(bare(domain), p);
            }
        }
    }

    public Optional<Platform> forHost(String host) {
        // Walking from the full host towards its parents meets the longest domain first.
        for (String h = bare(host); !h.isEmpty(); ) {
            Platform p = byDomain.get(h);
            if (p != null) {
                return Optional.of(p);
            }
            int dot = h.indexOf('.');
            h = dot < 0 ? "" : h.substring(dot + 1);
        }
        return Optional.empty();
    }

    public Optional<Platform> forUrl(String canonicalUrl) {
        return forHost(CanonicalUrl.host(canonicalUrl));
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
