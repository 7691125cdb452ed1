package org.openiru.text.normalize;

/**
 * Folds disguises that only make sense inside a word: Cyrillic look-alike letters and leetspeak. Applied
 * per whitespace-separated chunk so that numbers in ordinary text ("3 people", "2024") stay numbers.
 */
final class TokenFolding {

    /** Cyrillic (and one Greek) letters that render like Latin ones, after lower-casing. */
    private static final String LOOKALIKE_FROM = "аеорсхуіѕјԁһкмтвнο";
    private static final String LOOKALIKE_TO = "aeopcxyisjdhkmtbho";

    private TokenFolding() {
    }

    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int start = 0;
        int n = s.length();
        while (start < n) {
            int end = start;
            while (end < n && s.charAt(end) != ' ' && s.charAt(end) != '\n') {
                end++;
            }
            out.append(foldChunk(s.substring(start, end)));
            if (end < n) {
                out.append(s.charAt(end));
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static String foldChunk(String chunk) {
        return lookalikes(leet(chunk));
    }

    /**
     * Leet digits (0 1 3 4 5 7) are read as letters only in a chunk with at least two letters, and only in
     * digit runs of at most two that contain nothing but leet digits: "d43sh" → "daesh", but "covid2019"
     * and "mp3s4le" stay readable as numbers where they are numbers. 1 is read as "i" (the commoner
     * substitution in the names we match). '@' and '$' count when they sit between two word characters.
     */
    private static String leet(String chunk) {
        int letters = 0;
        boolean hasCandidate = false;
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if ((c >= '0' && c <= '9') || c == '@' || c == '$') {
                hasCandidate = true;
            }
        }
        if (letters < 2 || !hasCandidate) {
            return chunk;
        }
        char[] a = chunk.toCharArray();
        int i = 0;
        while (i < a.length) {
            if (a[i] >= '0' && a[i] <= '9') {
                int j = i;
                boolean allLeet = true;
                while (j < a.length && a[j] >= '0' && a[j] <= '9') {
                    allLeet &= leetLetter(a[j]) != 0;
                    j++;
                }
                if (allLeet && j - i <= 2) {
                    for (int k = i; k < j; k++) {
                        a[k] = leetLetter(a[k]);
                    }
                }
                i = j;
            } else {
                if ((a[i] == '@' || a[i] == '$') && i > 0 && i + 1 < a.length
                        && Character.isLetterOrDigit(a[i - 1]) && Character.isLetterOrDigit(a[i + 1])) {
                    a[i] = a[i] == '@' ? 'a' : 's';
                }
                i++;
            }
        }
        return new String(a);
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
    private static String lookalikes(String chunk) {
        boolean latin = false;
        boolean onlyLookalikes = true;
        boolean anyLookalike = false;
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c >= 'a' && c <= 'z') {
                latin = true;
            } else if (LOOKALIKE_FROM.indexOf(c) >= 0) {
                anyLookalike = true;
            } else if (Character.isLetter(c)) {
                onlyLookalikes = false;
            }
        }
        if (!anyLookalike || !(latin || onlyLookalikes)) {
            return chunk;
        }
        char[] a = chunk.toCharArray();
        for (int i = 0; i < a.length; i++) {
            int k = LOOKALIKE_FROM.indexOf(a[i]);
            if (k >= 0) {
                a[i] = LOOKALIKE_TO.charAt(k);
            }
        }
        return new String(a);
    }
}
