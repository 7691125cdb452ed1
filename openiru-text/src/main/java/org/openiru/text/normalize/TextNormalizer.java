package org.openiru.text.normalize;

import java.text.Normalizer;

/**
 * Folds Arabic and English text to one canonical form so that spelling tricks, diacritics and invisible
 * characters cannot hide a term from the lexicon or the classifier. The steps and their order are
 * documented in {@code docs/detection.md}; the result is idempotent (a property test checks it).
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        // Invisible characters go first: between a base letter and a combining mark they would
        // otherwise stop NFKC from composing, and the padded text would not fold like the clean one.
        String s = CharFolding.removeInvisible(text);
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = CharFolding.fold(s);
        s = Whitespace.collapse(s);
        s = TokenFolding.fold(s);
        // Elongation before joining so "ححح ا" cannot leave a new single letter behind, and after
        // joining because "s o o o" becomes a run only once joined.
        s = Elongation.collapse(s);
        s = LetterSpacing.join(s);
        return Elongation.collapse(s);
    }
}
