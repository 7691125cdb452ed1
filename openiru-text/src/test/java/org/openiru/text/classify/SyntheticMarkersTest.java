package org.openiru.text.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openiru.text.Featurizer;
import org.openiru.text.analysis.TextAnalyzer;
import org.openiru.text.lexicon.Lexicon;
import org.openiru.text.lexicon.ReferenceDataLoader;

class SyntheticMarkersTest {

    @Test
    void markersAreRemovedOtherBracketsKept() {
        assertThat(SyntheticMarkers.strip("a [synthetic filler] b")).isEqualTo("a b");
        assertThat(SyntheticMarkers.strip("[نص اصطناعي] ب")).isEqualTo("ب");
        assertThat(SyntheticMarkers.strip("[synthetic] x [synthetic]")).isEqualTo("x");
        assertThat(SyntheticMarkers.strip("[amaq] [synthetic")).isEqualTo("[amaq] [synthetic");
    }

    @Test
    void theClassifierSeesTheSameFeaturesWithOrWithoutTheMarker() {
        Featurizer f = new Featurizer(new TextAnalyzer(), new Lexicon(ReferenceDataLoader.loadDefault()),
                new FeatureExtractor(ModelTrainer.BUCKETS));
        assertThat(f.featurize("new release from amaq [synthetic]").features().indexes())
                .isEqualTo(f.featurize("new release from amaq").features().indexes());
    }
}
