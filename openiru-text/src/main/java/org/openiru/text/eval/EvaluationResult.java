package org.openiru.text.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openiru.text.analysis.Language;
import org.openiru.text.classify.Label;

/** Counts of (expected, predicted) labels per language, and the news items labelled propaganda. */
public final class EvaluationResult {

    private final Map<Language, long[][]> confusion = new EnumMap<>(Language.class);
    private final List<String> newsFalsePositives = new ArrayList<>();

    void add(Language lang, Label expected, Label predicted, String falsePositiveLine) {
        confusion.computeIfAbsent(lang, l -> new long[Label.values().length][Label.values().length])
                [expected.ordinal()][predicted.ordinal()]++;
        if (expected == Label.JOURNALISM && predicted == Label.PROPAGANDA) {
            newsFalsePositives.add(falsePositiveLine);
        }
    }

    /** The confusion matrix [expected][predicted] for one language, or all when {@code lang} is null. */
    public long[][] confusion(Language lang) {
        int k = Label.values().length;
        long[][] m = new long[k][k];
        confusion.forEach((l, c) -> {
            if (lang == null || l == lang) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        m[i][j] += c[i][j];
                    }
                }
            }
        });
        return m;
    }

    public double precision(Label label, Language lang) {
        long[][] m = confusion(lang);
        long predicted = 0;
        for (long[] row : m) {
            predicted += row[label.ordinal()];
        }
        return predicted == 0 ? 0 : (double) m[label.ordinal()][label.ordinal()] / predicted;
    }

    public double recall(Label label, Language lang) {
        long[][] m = confusion(lang);
        long actual = 0;
        for (long v : m[label.ordinal()]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) m[label.ordinal()][label.ordinal()] / actual;
    }

    public double f1(Label label, Language lang) {
        double p = precision(label, lang);
        double r = recall(label, lang);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public long count(Label expected, Language lang) {
        long n = 0;
        for (long v : confusion(lang)[expected.ordinal()]) {
            n += v;
        }
        return n;
    }

    /** Share of news items (expected {@code journalism}) labelled {@code propaganda}. */
    public double newsFalsePositiveRate(Language lang) {
        long news = count(Label.JOURNALISM, lang);
        return news == 0 ? 0 : (double) confusion(lang)[Label.JOURNALISM.ordinal()][Label.PROPAGANDA.ordinal()] / news;
    }

    public List<String> newsFalsePositives() {
        return List.copyOf(newsFalsePositives);
    }
}
