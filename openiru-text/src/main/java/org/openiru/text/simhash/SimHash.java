package org.openiru.text.simhash;

import java.util.List;
import org.openiru.text.analysis.Token;
import org.openiru.text.analysis.Tokenizer;
import org.openiru.text.normalize.TextNormalizer;

/**
 * 64-bit SimHash (Charikar) over word 3-shingles of normalised text, for grouping copies of one text
 * into a case. Normalisation first means that diacritics, invisible characters, elongation and
 * look-alikes change nothing. Two texts of at least {@value #MIN_TOKENS} words are near-duplicates when
 * their hashes differ in at most {@value #MAX_DISTANCE} bits; shorter texts carry too few shingles for a
 * stable hash and should be compared exactly (equal hashes) instead. One changed word alters three
 * shingles, about 5 bits on a 40-word text, so 6 bits admits one edit or an appended line per ~40 words;
 * two random 64-bit hashes come that close with probability about 10^-12.
 */
public final class SimHash {

    public static final int MAX_DISTANCE = 6;
    public static final int MIN_TOKENS = 20;
    private static final int SHINGLE = 3;

    private SimHash() {
    }

    public static long of(String text) {
        return ofTokens(Tokenizer.tokenize(TextNormalizer.normalize(text)));
    }

    /** The hash of tokens of normalised text, for a caller that has them already (no second normalisation). */
    public static long ofTokens(List<Token> tokens) {
        int[] votes = new int[64];
        int shingles = Math.max(1, tokens.size() - SHINGLE + 1);
        for (int i = 0; i < shingles && !tokens.isEmpty(); i++) {
            long h = 0xCBF29CE484222325L;
            for (int j = i; j < Math.min(tokens.size(), i + SHINGLE); j++) {
                h = fnv(h, tokens.get(j).text());
            }
            h = mix(h);
            for (int b = 0; b < 64; b++) {
                votes[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
            }
        }
        long hash = 0;
        for (int b = 0; b < 64; b++) {
            if (votes[b] > 0) {
                hash |= 1L << b;
            }
        }
        return hash;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The documented rule: long texts within {@value #MAX_DISTANCE} bits, short texts only when equal. */
    public static boolean nearDuplicate(long a, long b, int tokensOfShorter) {
        return tokensOfShorter >= MIN_TOKENS ? distance(a, b) <= MAX_DISTANCE : a == b;
    }

    private static long fnv(long h, String word) {
        long x = h;
        for (int i = 0; i < word.length(); i++) {
            x = (x ^ word.charAt(i)) * 0x100000001B3L;
        }
        return (x ^ ' ') * 0x100000001B3L; // word separator, so "ab c" and "a bc" differ
    }

    /** SplitMix64 finaliser: FNV's low bits are weak, and every bit votes here. */
    private static long mix(long z) {
        long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
