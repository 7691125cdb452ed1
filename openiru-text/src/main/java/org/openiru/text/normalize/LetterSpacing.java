package org.openiru.text.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins words written letter by letter ("د ا ع ش", "i.s.i.s", "d_a_e_s_h"). Only runs of at least three
 * single letters are joined, so ordinary one-letter words ("I", a stray "و") and two-letter initials
 * ("U.S") stay as they are.
 */
final class LetterSpacing {

    private static final Pattern SPACED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{L}(?:[ ._\\-]+\\p{L}){2,}(?![\\p{L}\\p{N}])");
    private static final Pattern SEPARATORS = Pattern.compile("[ ._\\-]+");

    private LetterSpacing() {
    }

    static String join(String s) {
        Matcher m = SPACED.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(SEPARATORS.matcher(m.group()).replaceAll("")));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
