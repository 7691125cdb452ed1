package org.openiru.text.analysis;

import java.util.List;
import java.util.Set;

/**
 * Offline language detection by script ratio and stopword evidence. A text is Arabic when most of its
 * letters are Arabic script and it either is short (under four words) or has Arabic function words or
 * the article "ال" on at least a tenth of its words; Persian and Urdu, also in Arabic script, fail that
 * test and come out as {@link Language#OTHER}. English works the same with Latin script and English
 * stopwords, so French or Spanish come out as OTHER.
 */
public final class LanguageDetector {

    private static final Set<String> ARABIC_STOPWORDS = Set.of(
            "في", "من", "علي", "الي", "عن", "ان", "هذا", "هذه", "التي", "الذي", "مع", "ما", "لا", "كان", "قد",
            "بعد", "قبل", "او", "ثم", "هو", "هي", "انه", "حيث", "كما", "لم", "لن", "بين", "عند");
    private static final Set<String> ENGLISH_STOPWORDS = Set.of(
            "the", "of", "and", "to", "in", "is", "a", "an", "that", "for", "on", "with", "as", "was", "by",
            "it", "at", "from", "are", "this", "be", "has", "have", "said", "we", "you", "our", "not", "or",
            "will", "its", "their", "they", "i", "my");
    /** Longer words cannot be stopwords; checking the length first spares most set look-ups. */
    private static final int ARABIC_STOPWORD_MAX = maxLength(ARABIC_STOPWORDS);
    private static final int ENGLISH_STOPWORD_MAX = maxLength(ENGLISH_STOPWORDS);
    private static final int SHORT_TEXT_WORDS = 4;
    private static final double MIN_EVIDENCE = 0.10;

    private LanguageDetector() {
    }

    public static Language detect(String normalized, List<Token> tokens) {
        int arabic = 0;
        int latin = 0;
        int letters = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Scripts.of(c);
            if (script == Character.UnicodeScript.ARABIC) {
                arabic++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        if (letters == 0) {
            return Language.OTHER;
        }
        if (arabic * 2 >= letters) {
            return hasEvidence(tokens, true) ? Language.AR : Language.OTHER;
        }
        if (latin * 2 >= letters) {
            return hasEvidence(tokens, false) ? Language.EN : Language.OTHER;
        }
        return Language.OTHER;
    }

    private static boolean hasEvidence(List<Token> tokens, boolean arabic) {
        if (tokens.size() < SHORT_TEXT_WORDS) {
            return true;
        }
        int hits = 0;
        for (Token t : tokens) {
            String w = t.text();
            if (arabic ? w.length() <= ARABIC_STOPWORD_MAX && ARABIC_STOPWORDS.contains(w) || w.startsWith("ال")
                    : w.length() <= ENGLISH_STOPWORD_MAX && ENGLISH_STOPWORDS.contains(w)) {
                hits++;
            }
        }
        return hits >= MIN_EVIDENCE * tokens.size();
    }

    private static int maxLength(Set<String> words) {
        return words.stream().mapToInt(String::length).max().orElse(0);
    }
}
