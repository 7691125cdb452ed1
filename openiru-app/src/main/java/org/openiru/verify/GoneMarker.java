package org.openiru.verify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One sign that referred content is gone (see the {@code verify_gone_markers} table): an HTTP status, a text in
 * the page, or a text in a redirect target. Text comparisons ignore case and treat the typographic apostrophe
 * (’) as a plain one, since platforms use both.
 */
public record GoneMarker(long id, Long platformId, String hostPattern, String kind, String pattern, String label,
                         String note, boolean enabled) {
    public static final List<String> KINDS = List.of("status", "redirect", "body");

    /** Whether the marker is about an item of this platform at this host. */
    public boolean appliesTo(long itemPlatformId, String host) {
        if (!enabled || (platformId != null && platformId != itemPlatformId)) {
            return false;
        }
        return hostPattern.equals("*") || host.equals(hostPattern) || host.endsWith("." + hostPattern);
    }

    public boolean matchesStatus(int status) {
        return kind.equals("status") && Arrays.stream(pattern.split(",")).anyMatch(c -> c.strip()
                .equals(Integer.toString(status)));
    }

    public boolean matchesRedirect(String url) {
        return kind.equals("redirect") && fold(url).contains(fold(pattern));
    }

    /** {@code foldedBody} is the page text passed through {@link #fold}. */
    public boolean matchesBody(String foldedBody) {
        return kind.equals("body") && foldedBody.contains(fold(pattern));
    }

    public static String fold(String s) {
        return s.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }
}
