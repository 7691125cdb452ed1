package org.openiru.text.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.text.Featurizer;
import org.openiru.text.analysis.TextAnalyzer;
import org.openiru.text.classify.FeatureExtractor;
import org.openiru.text.classify.ModelTrainer;

/** Contexts of propaganda-side hits; texts written for the test, synthetic. */
class ContextRulesTest {

    private static final Featurizer FEATURIZER = new Featurizer(new TextAnalyzer(),
            new Lexicon(ReferenceDataLoader.loadDefault()), new FeatureExtractor(ModelTrainer.BUCKETS));

    private static HitContext contextOf(String text, TermClass termClass) {
        List<ContextualHit> hits = FEATURIZER.featurize(text).hits().stream()
                .filter(h -> h.hit().termClass() == termClass).toList();
        assertThat(hits).as(text).hasSize(1);
        return hits.get(0).context();
    }

    @Test
    void aFramedQuotationIsMentionedNotSaid() {
        assertThat(contextOf("The clip was addressed to the \"soldiers of the caliphate\" and shared widely.",
                TermClass.SELF_DESIGNATION)).isEqualTo(HitContext.QUOTED);
        assertThat(contextOf("وصف المنشور المقاتلين بأنهم «جنود الخلافة» قبل حذفه.", TermClass.SELF_DESIGNATION))
                .isEqualTo(HitContext.QUOTED);
        assertThat(contextOf("Lines titled “new release” appeared on many accounts today.", TermClass.OUTLET_ATTRIBUTION))
                .isEqualTo(HitContext.QUOTED);
    }

    @Test
    void quotesWithoutAFrameOrUnclosedHideNothing() {
        // the whole post in quotes is the post speaking, not a report of someone else's words
        assertThat(contextOf("\"soldiers of the caliphate\" here", TermClass.SELF_DESIGNATION))
                .isEqualTo(HitContext.ASSERTED);
        assertThat(contextOf("The soldiers of the caliphate \"greet you all today and", TermClass.SELF_DESIGNATION))
                .isEqualTo(HitContext.ASSERTED);
    }

    @Test
    void aNegatedPhraseIsTheWritersStanceAgainstIt() {
        assertThat(contextOf("No caliphate, no soldiers of the caliphate: only lies.", TermClass.SELF_DESIGNATION))
                .isEqualTo(HitContext.NEGATED);
        assertThat(contextOf("لا خلافة ولا جنود الخلافة، فقط أكاذيب.", TermClass.SELF_DESIGNATION))
                .isEqualTo(HitContext.NEGATED);
    }

    @Test
    void theGroupsOutletAsTheSourceOfANewsVerbStaysAsserted() {
        List<ContextualHit> hits = FEATURIZER.featurize("According to Amaq Agency, the soldiers of the caliphate moved.")
                .hits();
        assertThat(hits).extracting(h -> h.hit().termClass()).doesNotContain(TermClass.NEWS_MARKER);
        assertThat(hits).allMatch(h -> h.context() == HitContext.ASSERTED);
        // an agency of the press as the source still makes it reported speech
        assertThat(contextOf("According to Reuters, soldiers of the caliphate was written on the wall.",
                TermClass.SELF_DESIGNATION)).isEqualTo(HitContext.REPORTED);
    }
}
