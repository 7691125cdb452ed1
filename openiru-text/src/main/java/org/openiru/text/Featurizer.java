package org.openiru.text;

import java.util.List;
import org.openiru.text.analysis.AnalyzedText;
import org.openiru.text.analysis.TextAnalyzer;
import org.openiru.text.classify.FeatureExtractor;
import org.openiru.text.classify.FeatureVector;
import org.openiru.text.classify.ClassifierText;
import org.openiru.text.lexicon.ContextRules;
import org.openiru.text.lexicon.ContextualHit;
import org.openiru.text.lexicon.Lexicon;

/** The one path from raw input to features, shared by training and scoring so they cannot drift apart. */
public final class Featurizer {

    private final TextAnalyzer analyzer;
    private final Lexicon lexicon;
    private final FeatureExtractor extractor;

    public Featurizer(TextAnalyzer analyzer, Lexicon lexicon, FeatureExtractor extractor) {
        this.analyzer = analyzer;
        this.lexicon = lexicon;
        this.extractor = extractor;
    }

    /** An analysed text, its lexicon hits in context, and its classifier features. */
    public record Featurized(AnalyzedText text, List<ContextualHit> hits, FeatureVector features) {
    }

    public Featurized featurize(String text) {
        return featurize(analyzer.analyze(text));
    }

    public Featurized featurize(byte[] utf8) {
        return featurize(analyzer.analyze(utf8));
    }

    private Featurized featurize(AnalyzedText analyzed) {
        List<ContextualHit> hits = ContextRules.apply(lexicon.match(analyzed), analyzed);
        return new Featurized(analyzed, hits, extractor.extract(ClassifierText.of(analyzed.normalized(), hits), hits));
    }

    public Lexicon lexicon() {
        return lexicon;
    }
}
