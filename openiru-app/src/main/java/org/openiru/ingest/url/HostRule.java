package org.openiru.ingest.url;

import java.util.Set;

/**
 * How one platform spells its URLs: the hosts it answers on and the one canonical form of each item. A rule sees
 * a URL whose scheme, host, encoding (and, unless {@link #cleansPath()} is false, path and tracking parameters)
 * are already normalised, and must be idempotent.
 */
abstract class HostRule {

    private final Set<String> hosts;

    /** The exact host names handled; they are also the hosts accepted without a scheme and served as https. */
    HostRule(Set<String> hosts) {
        this.hosts = Set.copyOf(hosts);
    }

    final Set<String> hosts() {
        return hosts;
    }

    abstract UrlParts canonical(UrlParts url);

    /** False for hosts whose path embeds another URL that must be kept byte for byte. */
    boolean cleansPath() {
        return true;
    }

    /** True for hosts whose fragment is part of the link (a decryption key), not a place in the page. */
    boolean keepsFragment() {
        return false;
    }
}
