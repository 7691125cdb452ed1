package org.openiru.text.normalize;

/**
 * Folds disguises that only make sense inside a word: Cyrillic look-alike letters and leetspeak. Applied
 * per whitespace-separated chunk so that numbers in ordinary text ("3 people", "2024") stay numbers.
 * The chunks are folded in place in one char array; the input string is returned when nothing changed.
 */
final class TokenFolding {

    /** Cyrillic (and one Greek) letters that render like Latin ones, after lower-casing. */
    private static final String LOOKALIKE_FROM = "аеорсхуіѕјԁһкмтвнο";
    private static final String LOOKALIKE_TO = "aeopcxyisjdhkmtbho";
    /** Look-alikes lie in this range (Greek, Cyrillic): ASCII and Arabic letters skip the list search. */
    private static final char FIRST_LOOKALIKE = (char) LOOKALIKE_FROM.chars().min().orElseThrow();
    private static final char LAST_LOOKALIKE = (char) LOOKALIKE_FROM.chars().max().orElseThrow();

    private TokenFolding() {
    }

    static String fold(String s) {
        char[] a = s.toCharArray();
        boolean changed = false;
        int start = 0;
        int n = a.length;
        while (start < n) {
            int end = start;
            while (end < n && a[end] != ' ' && a[end] != '\n') {
                end++;
            }
            changed |= leet(a, start, end);
            changed |= lookalikes(a, start, end);
            start = end + 1;
        }
        return changed ? new String(a) : s;
    }

    /**
     * Leet digits (0 1 3 4 5 7) are read as letters only in a chunk with at least two letters, and only in
     * digit runs of at most two that contain nothing but leet digits: "d43sh" → "daesh", but "covid2019"
     * and "mp3s4le" stay readable as numbers where they are numbers. 1 is read as "i" (the commoner
     * substitution in the names we match). '@' and '$' count when they sit between two word characters.
     */
    private static boolean leet(char[] a, int from, int to) {
        int letters = 0;
        boolean hasCandidate = false;
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (Character.isLetter(c)) {
                letters++;
            } else if ((c >= '0' && c <= '9') || c == '@' || c == '$') {
                hasCandidate = true;
            }
        }
        if (letters < 2 || !hasCandidate) {
            return false;
        }
        boolean changed = false;
        int i = from;
        while (i < to) {
            if (a[i] >= '0' && a[i] <= '9') {
                int j = i;
                boolean allLeet = true;
                while (j < to && a[j] >= '0' && a[j] <= '9') {
                    allLeet &= leetLetter(a[j]) != 0;
                    j++;
                }
                if (allLeet && j - i <= 2) {
                    for (int k = i; k < j; k++) {
                        a[k] = leetLetter(a[k]);
                    }
                    changed = true;
                }
                i = j;
            } else {
                if ((a[i] == '@' || a[i] == '$') && i > from && i + 1 < to
                        && Character.isLetterOrDigit(a[i - 1]) && Character.isLetterOrDigit(a[i + 1])) {
                    a[i] = a[i] == '@' ? 'a' : 's';
                    changed = true;
                }
                i++;
            }
        }
        return changed;
    }

    private static char leetLetter(char digit) {
        switch (digit) {
            case '0': return 'o';
            case '1': return 'i';
            case '3': return 'e';
            case '4': return 'a';
            case '5': return 's';
            case '7': return 't';
            default: return 0;
        }
    }

    /**
     * Look-alikes are replaced in a chunk that also has a Latin letter ("іѕіs") or that consists only of
     * look-alikes ("ѕоѕ"); a Russian word with other Cyrillic letters is left alone.
     */
    private static boolean lookalikes(char[] a, int from, int to) {
        boolean latin = false;
        boolean onlyLookalikes = true;
        boolean anyLookalike = false;
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (c >= 'a' && c <= 'z') {
                latin = true;
            } else if (lookalikeIndex(c) >= 0) {
                anyLookalike = true;
            } else if (Character.isLetter(c)) {
                onlyLookalikes = false;
            }
        }
        if (!anyLookalike || !(latin || onlyLookalikes)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int k = lookalikeIndex(a[i]);
            if (k >= 0) {
                a[i] = LOOKALIKE_TO.charAt(k);
            }
        }
        return true;
    }

    private static int lookalikeIndex(char c) {
        return c >= FIRST_LOOKALIKE && c <= LAST_LOOKALIKE ? LOOKALIKE_FROM.indexOf(c) : -1;
    }
}
