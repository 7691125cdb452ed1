package org.openiru.text.normalize;

/**
 * Undoes character elongation. Arabic runs of three or more of one letter become one letter (written
 * Arabic doubles letters with shadda, not by repetition), except lam, which becomes two because "الله"
 * and "لل" are ordinary spellings. Latin runs of three or more become two ("soooo" → "soo"), which keeps
 * "good" and "will" intact.
 */
final class Elongation {

    private static final char LAM = '\u0644';

    private Elongation() {
    }

    /** Returns {@code s} itself when it has no run to shorten (the usual case). */
    static String collapse(String s) {
        StringBuilder out = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int j = i + 1;
            while (j < n && s.charAt(j) == c) {
                j++;
            }
            int run = j - i;
            int keep = run < 3 ? run : keptOf(c, run);
            if (keep < run && out == null) {
                out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null) {
                for (int k = 0; k < keep; k++) {
                    out.append(c);
                }
            }
            i = j;
        }
        return out == null ? s : out.toString();
    }

    private static int keptOf(char c, int run) {
        if (c >= '\u0621' && c <= '\u064A') {
            return c == LAM ? 2 : 1;
        }
        if (c >= 'a' && c <= 'z') {
            return 2;
        }
        return run;
    }
}
