package org.openiru.text.classify;

import java.util.List;
import org.openiru.text.lexicon.ContextualHit;

/**
 * The text the classifier's character n-grams are taken from: the normalised text with every lexicon term
 * replaced by one {@value #TERM} and without {@link SyntheticMarkers}. The lexicon owns its terms: each one
 * reaches the classifier as its class and context ("self_designation:negated"), so the n-grams learn the
 * writer's own words around the terms ("according to _", "they promise you _") instead of memorising the
 * names, which news, counter-speech and propaganda all use. Trained so, the model learnt counter-speech in the
 * group's own vocabulary from far fewer examples (docs/detection.md).
 */
public final class ClassifierText {

    static final char TERM = '_';

    private ClassifierText() {
    }

    public static String of(String normalized, List<ContextualHit> hits) {
        if (hits.isEmpty()) {
            return SyntheticMarkers.strip(normalized);
        }
        StringBuilder out = new StringBuilder(normalized.length());
        int copied = 0;
        // hits come in document order; nested or overlapping ones (different classes) are covered by the first
        for (ContextualHit h : hits) {
            int start = Math.max(h.hit().start(), copied);
            if (h.hit().end() <= copied) {
                continue;
            }
            out.append(normalized, copied, start);
            if (start == h.hit().start()) {
                out.append(TERM);
            }
            copied = h.hit().end();
        }
        out.append(normalized, copied, normalized.length());
        return SyntheticMarkers.strip(out.toString());
    }
}
