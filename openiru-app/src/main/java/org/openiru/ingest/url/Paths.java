package org.openiru.ingest.url;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path clean-up that never changes which resource a web server returns in practice. */
final class Paths {

    private Paths() {
    }

    /**
     * Removes dot segments (RFC 3986 5.2.4), empty segments ({@code //}) and the trailing slash, except for the
     * root. Servers almost always treat {@code /a/} and {@code /a}, {@code //a} and {@code /a} alike, and the
     * platforms do; two spellings of one item must not become two items.
     */
    static String clean(String path) {
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                kept.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                kept.addLast(segment);
            }
        }
        return "/" + String.join("/", kept);
    }
}
