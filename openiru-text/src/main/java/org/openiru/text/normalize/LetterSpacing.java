package org.openiru.text.normalize;

/**
 * Joins words written letter by letter ("د ا ع ش", "i.s.i.s", "d_a_e_s_h"). Only runs of at least three
 * single letters are joined, so ordinary one-letter words ("I", a stray "و") and two-letter initials
 * ("U.S") stay as they are. A hand-written linear scan: the equivalent regular expression backtracks and
 * cost half of all scoring time.
 */
final class LetterSpacing {

    private static final int MIN_LETTERS = 3;

    private LetterSpacing() {
    }

    static String join(String s) {
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!isSingleLetter(s, i)) {
                i++;
                continue;
            }
            StringBuilder letters = new StringBuilder().append(s.charAt(i));
            int last = i;
            int k = i + 1;
            while (true) {
                int j = k;
                while (j < n && isSeparator(s.charAt(j))) {
                    j++;
                }
                if (j == k || !isSingleLetter(s, j)) {
                    break;
                }
                letters.append(s.charAt(j));
                last = j;
                k = j + 1;
            }
            if (letters.length() >= MIN_LETTERS) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(s, copied, i).append(letters);
                copied = last + 1;
            }
            i = last + 1;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    /** A letter with no letter or digit directly before or after it. */
    private static boolean isSingleLetter(String s, int i) {
        return i < s.length() && Character.isLetter(s.charAt(i))
                && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                && (i + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)));
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '_' || c == '-';
    }
}
