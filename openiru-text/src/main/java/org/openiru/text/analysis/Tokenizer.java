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
 *
 * <p>Keys are cached per thread (direct-mapped, {@value #KEY_CACHE_SIZE} words): most words of a text are
 * frequent words seen before, and a cache hit costs one string comparison instead of a stemmer run. A
 * cached key is also the same string instance each time, so its hash code is computed once, not once per
 * lexicon look-up.
 */
public final class Tokenizer {

    private static final ArabicNormalizer ARABIC_NORMALIZER = new ArabicNormalizer();
    private static final ArabicStemmer ARABIC_STEMMER = new ArabicStemmer();
    private static final ThreadLocal<PorterStemmer> PORTER = ThreadLocal.withInitial(PorterStemmer::new);
    private static final int KEY_CACHE_SIZE = 4096;
    /** Per thread: word at {@code 2 * slot}, its key at {@code 2 * slot + 1}. */
    private static final ThreadLocal<String[]> KEY_CACHE = ThreadLocal.withInitial(() -> new String[2 * KEY_CACHE_SIZE]);

    private Tokenizer() {
    }

    public static List<Token> tokenize(String normalized) {
        String[] cache = KEY_CACHE.get();
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
            tokens.add(new Token(word, cachedKey(cache, word), start, i, sentence));
        }
        return tokens;
    }

    private static String cachedKey(String[] cache, String word) {
        int h = word.hashCode();
        int slot = 2 * ((h ^ (h >>> 16)) & (KEY_CACHE_SIZE - 1));
        if (word.equals(cache[slot])) {
            return cache[slot + 1];
        }
        String key = key(word);
        cache[slot] = word;
        cache[slot + 1] = key;
        return key;
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
