package org.openiru.ingest.url;

import java.util.Set;

/**
 * The Wayback Machine: {@code https://web.archive.org/web/<timestamp>/<original URL>}. The original URL is kept
 * exactly as written (its {@code //}, query and trailing slash included): it is the archive's key for the
 * capture, and "cleaning" it could point at another capture or none. Only scheme, host and encoding are
 * normalised; the capture stays an item of its own, distinct from the live URL it preserves.
 */
final class WaybackUrls extends HostRule {


    WaybackUrls() {
        super(Set.of("web.archive.org"));
    }

    @Override
    UrlParts canonical(UrlParts url) {
        return url;
    }

    @Override
    boolean cleansPath() {
        return false;
    }
}
