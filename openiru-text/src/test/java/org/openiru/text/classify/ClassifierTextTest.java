package org.openiru.text.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openiru.text.Featurizer;
import org.openiru.text.analysis.TextAnalyzer;
import org.openiru.text.lexicon.Lexicon;
import org.openiru.text.lexicon.ReferenceDataLoader;

class ClassifierTextTest {

    private static final Featurizer FEATURIZER = new Featurizer(new TextAnalyzer(),
            new Lexicon(ReferenceDataLoader.loadDefault()), new FeatureExtractor(ModelTrainer.BUCKETS));

    private static String of(String text) {
        Featurizer.Featurized f = FEATURIZER.featurize(text);
        return ClassifierText.of(f.text().normalized(), f.hits());
    }

    @Test
    void termsBecomeOnePlaceholderAndMarkersGo() {
        assertThat(of("According to Amaq News Agency, the soldiers of the caliphate met. [synthetic filler]"))
                .isEqualTo("according to _, the _ met."); // the outlet as source: "according to" is no term here
        assertThat(of("لا خلافة ولا جنود الخلافة [نص اصطناعي]")).isEqualTo("_ خلافه _ _");
        assertThat(of("no terms here")).isEqualTo("_ terms here");
        assertThat(of("plain words only")).isEqualTo("plain words only");
    }

    @Test
    void theSameWordsAroundDifferentNamesGiveTheSameNgrams() {
        assertThat(FEATURIZER.featurize("New release from Amaq: the lions of the caliphate").features().indexes())
                .isEqualTo(FEATURIZER.featurize("New release from Al-Furqan: the soldiers of the caliphate")
                        .features().indexes());
    }
}
