package org.openiru.text.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Splits normalised text into words (runs of letters and digits) and computes their match keys with
 * Lucene's Arabic normaliser and prefix stemmer and the Snowball Porter stemmer. Arabic suffixes are kept
 * on purpose: stripping them makes "الدولة" (the State) and "الدول" (countries) one key, and the lexicon
 * would then fire on ordinary news about countries. Thread-safe: the Porter stemmer is per thread.
 */
public final class Tokenizer {

    private static final ArabicNormalizer ARABIC_NORMALIZER = new ArabicNormalizer();
    private static final ArabicStemmer ARABIC_STEMMER = new ArabicStemmer();
    private static final ThreadLocal<PorterStemmer> PORTER = ThreadLocal.withInitial(PorterStemmer::new);

    private Tokenizer() {
    }

    public static List<Token> tokenize(String normalized) {
        List<Token> tokens = new ArrayList<>();
        int sentence = 0;
        int n = normalized.length();
        int i = 0;
        while (i < n) {
            char c = normalized.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (isSentenceEnd(c)) {
                    sentence++;
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(normalized.charAt(i))) {
                i++;
            }
            String word = normalized.substring(start, i);
            tokens.add(new Token(word, key(word), start, i, sentence));
        }
        return tokens;
    }

    /** The match key of one normalised word; lexicon terms are keyed the same way. */
    public static String key(String word) {
        char first = word.charAt(0);
        if (first >= '\u0600' && first <= '\u06FF') {
            char[] s = word.toCharArray();
            int len = ARABIC_NORMALIZER.normalize(s, s.length);
            len = ARABIC_STEMMER.stemPrefix(s, len);
            return new String(s, 0, len);
        }
        if (first >= 'a' && first <= 'z') {
            PorterStemmer porter = PORTER.get();
            porter.setCurrent(word);
            porter.stem();
            return porter.getCurrent();
        }
        return word;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == '\u061F' || c == '\u061B'
                || c == '|' || c == '\u06D4';
    }
}
