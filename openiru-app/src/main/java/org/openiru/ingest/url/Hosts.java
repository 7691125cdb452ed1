package org.openiru.ingest.url;

import java.net.IDN;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Host names: lower case, IDN as punycode, no trailing dot, and only names that can be on the public web. */
final class Hosts {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]{2,45}]");
    /**
     * Links repeat their hosts (a channel links to the same few sites thousands of times), and checking a
     * name label by label was a tenth of canonicalisation's time in an import. Bounded: emptied when full.
     */
    private static final int CACHE_SIZE = 4096;
    private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

    private Hosts() {
    }

    static Optional<String> normalise(String raw) {
        if (raw.length() > 256) {
            return uncached(raw); // not worth keeping: no valid host name is this long
        }
        Optional<String> known = CACHE.get(raw);
        if (known != null) {
            return known;
        }
        if (CACHE.size() >= CACHE_SIZE) {
            CACHE.clear();
        }
        Optional<String> host = uncached(raw);
        CACHE.put(raw, host);
        return host;
    }

    private static Optional<String> uncached(String raw) {
        String host = raw.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (IPV6.matcher(host).matches()) {
            return Optional.of(host);
        }
        try {
            // Only names with non-ASCII letters need IDNA; it is the slowest step for the common case.
            host = host.chars().allMatch(c -> c < 0x80) ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
        return valid(host) ? Optional.of(host) : Optional.empty();
    }

    /**
     * A dotted name of valid labels. Single-label names ({@code localhost}, {@code intranet}) are refused: they
     * cannot name content on the public web and usually mean the text was not a URL at all.
     */
    private static boolean valid(String host) {
        if (host.length() > 253 || !host.contains(".")) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
