package org.openiru.text.score;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openiru.text.Featurizer;
import org.openiru.text.analysis.InputFlag;
import org.openiru.text.analysis.TextAnalyzer;
import org.openiru.text.classify.Label;
import org.openiru.text.classify.LinearTextModel;
import org.openiru.text.lexicon.Lexicon;
import org.openiru.text.lexicon.ReferenceDataLoader;

/**
 * Scores a text as the sum of named reasons: lexicon hits in context, the classifier's propaganda
 * probability, and the caller's {@link Signals}. The label is {@code propaganda} when the score reaches
 * {@value #PROPAGANDA_FROM} points, otherwise the classifier's most likely other label. Thread-safe.
 */
public final class TextScorer {

    public static final double PROPAGANDA_FROM = 40;

    private final Featurizer featurizer;
    private final LinearTextModel model;
    private final LexiconReasons lexiconReasons;
    private final String modelVersion;

    public TextScorer(Lexicon lexicon, LinearTextModel model, TextAnalyzer analyzer) {
        this.featurizer = new Featurizer(analyzer, lexicon, model.features());
        this.model = model;
        this.lexiconReasons = new LexiconReasons(lexicon.reference());
        this.modelVersion = model.version() + "+ref-" + lexicon.version();
    }

    /** The shipped reference data and synthetic-corpus model, scoring at most 20,000 chars per text. */
    public static TextScorer loadDefault() {
        return new TextScorer(new Lexicon(ReferenceDataLoader.loadDefault()), LinearTextModel.loadDefault(),
                new TextAnalyzer());
    }

    /** Classifier and reference-data versions, stored with each score. */
    public String modelVersion() {
        return modelVersion;
    }

    public TextScore score(String text) {
        return score(text, Signals.NONE);
    }

    public TextScore score(String text, Signals signals) {
        return score(featurizer.featurize(text), signals);
    }

    /** For input of unknown quality: invalid UTF-8 is replaced and flagged, never thrown. */
    public TextScore score(byte[] utf8, Signals signals) {
        return score(featurizer.featurize(utf8), signals);
    }

    private TextScore score(Featurizer.Featurized f, Signals signals) {
        List<Reason> reasons = new ArrayList<>();
        for (InputFlag flag : f.text().flags()) {
            reasons.add(inputReason(flag, f));
        }
        reasons.addAll(lexiconReasons.reasons(f.hits()));
        Map<Label, Double> probabilities = new EnumMap<>(Label.class);
        boolean scorable = !f.text().has(InputFlag.EMPTY) && !f.text().has(InputFlag.NO_LETTERS);
        if (scorable) {
            double[] p = model.predict(f.features());
            for (int i = 0; i < p.length; i++) {
                probabilities.put(model.labels().get(i), p[i]);
            }
            double pp = probabilities.getOrDefault(Label.PROPAGANDA, 0.0);
            reasons.add(Reason.of(ReasonCode.CLASSIFIER, ReasonCode.CLASSIFIER.weight() * (pp - 0.5),
                    wholePercent(pp), model.version()));
        }
        reasons.addAll(SignalReasons.reasons(signals));
        double score = 0;
        for (Reason r : reasons) {
            score += r.weight();
        }
        int priority = (int) Math.max(0, Math.min(100, Math.round(score)));
        Label label = score >= PROPAGANDA_FROM ? Label.PROPAGANDA : likeliestOther(probabilities);
        return new TextScore(score, priority, Priority.of(priority), label, f.text().language(), reasons,
                probabilities, f.text().flags(), modelVersion);
    }

    /**
     * {@code String.format("%.0f", p * 100)} without a Formatter per score: rounding half up, as the
     * Formatter does; a value within 1e-9 of a half still goes through the Formatter so that the text is
     * always the one it gives.
     */
    static String wholePercent(double p) {
        double x = p * 100;
        if (x >= 0 && x < 1e15 && Math.abs(x - Math.floor(x) - 0.5) > 1e-9) {
            return Long.toString(Math.round(x));
        }
        return String.format(Locale.ROOT, "%.0f", x);
    }

    private static Reason inputReason(InputFlag flag, Featurizer.Featurized f) {
        ReasonCode code = ReasonCode.of(flag);
        if (flag == InputFlag.TRUNCATED) {
            return Reason.of(code, 0, String.valueOf(f.text().originalLength()), String.valueOf(f.text().scoredLength()));
        }
        return Reason.of(code, 0);
    }

    private static Label likeliestOther(Map<Label, Double> probabilities) {
        Label best = Label.UNRELATED;
        double bestP = -1;
        for (Map.Entry<Label, Double> e : probabilities.entrySet()) {
            if (e.getKey() != Label.PROPAGANDA && e.getValue() > bestP) {
                best = e.getKey();
                bestP = e.getValue();
            }
        }
        return best;
    }
}
