package org.openiru.ingest.url;

/** A link found in an item: its canonical URL and that URL's host (for platform lookup and host signals). */
public record Outlink(String url, String host) {

    static Outlink of(String canonicalUrl) {
        return new Outlink(canonicalUrl, CanonicalUrl.host(canonicalUrl));
    }
}
