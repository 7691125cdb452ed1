package org.openiru.text.classify;

/**
 * Removes the {@code [synthetic …]} / {@code [… اصطناعي …]} markers that every demo, test and corpus text
 * carries by policy, before the classifier sees the text. They say where a text came from, not what it is:
 * left in, the model learnt "[synthetic filler]" as a propaganda feature from the corpus fillers, and would
 * score a demo text differently from the same words without the tag.
 */
public final class SyntheticMarkers {

    /** Longer brackets are text, not a marker. */
    private static final int MAX_MARKER = 80;

    private SyntheticMarkers() {
    }

    /** The normalised text without its markers and the space before each (the classifier needs no offsets). */
    public static String strip(String normalized) {
        int open = normalized.indexOf('[');
        if (open < 0) {
            return normalized;
        }
        StringBuilder out = null;
        int copied = 0;
        while (open >= 0) {
            int close = normalized.indexOf(']', open + 1);
            if (close < 0) {
                break;
            }
            if (close - open <= MAX_MARKER && isMarker(normalized, open + 1, close)) {
                out = out == null ? new StringBuilder(normalized.length()) : out;
                out.append(normalized, copied, open);
                while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
                copied = close + 1;
                if (out.isEmpty()) {
                    while (copied < normalized.length() && normalized.charAt(copied) == ' ') {
                        copied++;
                    }
                }
            }
            open = normalized.indexOf('[', close + 1);
        }
        return out == null ? normalized : out.append(normalized, copied, normalized.length()).toString();
    }

    private static boolean isMarker(String s, int from, int to) {
        String inside = s.substring(from, to);
        return inside.indexOf('\n') < 0 && (inside.contains("synthetic") || inside.contains("اصطناعي"));
    }
}
