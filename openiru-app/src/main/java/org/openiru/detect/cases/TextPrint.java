package org.openiru.detect.cases;

import java.util.List;
import org.openiru.text.analysis.Token;
import org.openiru.text.analysis.Tokenizer;
import org.openiru.text.normalize.TextNormalizer;
import org.openiru.text.simhash.SimHash;

/**
 * A text's SimHash and word count, over the text as openiru-text normalises it (Arabic and English alike).
 * Two texts are the same content when both have at least {@value #MIN_WORDS} words and their hashes differ in
 * at most {@link SimHash#MAX_DISTANCE} bits: shorter texts (a channel's sign-off, "subscribe", a bare link) are
 * boilerplate that many unrelated posts share, so they never match, not even when equal. Used by case clustering
 * and by reappearance (org.openiru.verify.reappear), so that both call the same texts copies.
 */
public record TextPrint(long simhash, int words) {
    public static final int MIN_WORDS = SimHash.MIN_TOKENS;

    public static TextPrint of(String text) {
        // normalised and tokenised once: at a million items a second pass costs as much as the index
        List<Token> tokens = Tokenizer.tokenize(TextNormalizer.normalize(text));
        return new TextPrint(SimHash.ofTokens(tokens), tokens.size());
    }

    public boolean comparable() {
        return words >= MIN_WORDS;
    }

    /** Bits apart, or -1 when either text is too short to compare. */
    public int distanceTo(TextPrint other) {
        if (!comparable() || !other.comparable()) {
            return -1;
        }
        int d = SimHash.distance(simhash, other.simhash);
        return d <= SimHash.MAX_DISTANCE ? d : -1;
    }
}
