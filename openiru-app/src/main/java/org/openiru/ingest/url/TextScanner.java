package org.openiru.ingest.url;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds link candidates in free text with one forward pass and no regular expressions, so a hostile 10 MB
 * message costs linear time. A candidate starts at {@code http://}, {@code https://}, {@code tg://} (also glued
 * to the word before, as in Arabic posts with no spaces) or, at a word boundary, at a host a platform rule knows
 * followed by {@code /}, or at {@code www.}. It ends before whitespace, Arabic script, any non-letter outside
 * ASCII (Arabic comma, guillemets, typographic quotes, emoji, bidi marks) and the ASCII delimiters
 * {@code <>"'`()[]{}|\^}; trailing {@code .,;:!?} are sentence punctuation and are cut. Text must be refanged
 * first.
 */
final class TextScanner {

    private static final String STOP_ASCII = "<>\"'`()[]{}|\\^";
    private static final String TRAILING = ".,;:!?";
    private static final String WWW = "www.";
    private static final Map<Character, List<String>> HOSTS_BY_FIRST_CHAR = new HashMap<>();

    static {
        Stream.concat(PlatformRules.hosts().stream().map(h -> h + "/"), Stream.of(WWW)).forEach(prefix ->
                HOSTS_BY_FIRST_CHAR.computeIfAbsent(prefix.charAt(0), c -> new ArrayList<>()).add(prefix));
    }

    private TextScanner() {
    }

    /** Gives each candidate, in order, to {@code sink} until the text ends or the sink returns false. */
    static void scan(String text, Predicate<String> sink) {
        int i = 0;
        while (i < text.length()) {
            if (!startsLink(text, i)) {
                i++;
                continue;
            }
            int end = endOfLink(text, i);
            int cut = end;
            while (cut > i && TRAILING.indexOf(text.charAt(cut - 1)) >= 0) {
                cut--;
            }
            if (!sink.test(text.substring(i, cut))) {
                return;
            }
            i = end;
        }
    }

    private static boolean startsLink(String text, int i) {
        if (scheme(text, i)) {
            return true;
        }
        if (i > 0 && hostChar(text.charAt(i - 1))) {
            return false;
        }
        List<String> prefixes = HOSTS_BY_FIRST_CHAR.get(Character.toLowerCase(text.charAt(i)));
        if (prefixes != null) {
            for (String prefix : prefixes) {
                if (text.regionMatches(true, i, prefix, 0, prefix.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean scheme(String text, int i) {
        char c = Character.toLowerCase(text.charAt(i));
        return c == 'h' && (text.regionMatches(true, i, "http://", 0, 7) || text.regionMatches(true, i, "https://", 0, 8))
                || c == 't' && text.regionMatches(true, i, "tg://", 0, 5);
    }

    private static int endOfLink(String text, int start) {
        int j = start + 1;
        while (j < text.length() && urlChar(text.charAt(j)) && !glued(text, j)) {
            j++;
        }
        return j;
    }

    /**
     * A second link glued to the first ({@code t.me/a/1https://t.me/b/2}) starts a new candidate. One after
     * {@code /} or {@code =} is part of the first (a Wayback capture, a redirect's target) and does not.
     */
    private static boolean glued(String text, int j) {
        char before = text.charAt(j - 1);
        return before < 0x80 && Character.isLetterOrDigit(before) && scheme(text, j);
    }

    private static boolean urlChar(char c) {
        if (c < 0x80) {
            return c > ' ' && c < 0x7F && STOP_ASCII.indexOf(c) < 0;
        }
        return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.ARABIC;
    }

    private static boolean hostChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || ".-_@/".indexOf(c) >= 0);
    }
}
