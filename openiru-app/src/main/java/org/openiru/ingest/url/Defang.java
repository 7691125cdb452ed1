package org.openiru.ingest.url;

import java.util.Map;

/**
 * Undoes the "defanging" analysts and threat feeds apply so that a pasted link is not clickable
 * ({@code hxxps://example[.]com}). A hand-rolled single pass: it runs over whole messages, which may be huge.
 */
final class Defang {

    private static final Map<String, String> TOKENS = Map.of("[.]", ".", "(.)", ".", "[dot]", ".", "(dot)", ".",
            "[:]", ":");

    private Defang() {
    }

    static String refang(String s) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '[' && c != '(' && c != 'h' && c != 'H') {
                continue;
            }
            String token = tokenAt(s, i);
            if (token != null) {
                out = out == null ? new StringBuilder(s.length()) : out;
                out.append(s, copied, i).append(token.startsWith("h") ? "http" : TOKENS.get(token));
                copied = i + token.length();
                i = copied - 1;
            }
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** The defanged token at {@code i} (in the lower case of {@link #TOKENS}), or null. */
    private static String tokenAt(String s, int i) {
        for (String token : TOKENS.keySet()) {
            if (s.regionMatches(true, i, token, 0, token.length())) {
                return token;
            }
        }
        // hxxp only where a scheme separator follows (hxxp:, hxxps:, hxxps[:]), so ordinary words are untouched.
        if (s.regionMatches(true, i, "hxxp", 0, 4)) {
            int j = i + 4 < s.length() && Character.toLowerCase(s.charAt(i + 4)) == 's' ? i + 5 : i + 4;
            if (s.startsWith(":", j) || s.startsWith("[:]", j)) {
                return "hxxp";
            }
        }
        return null;
    }
}
