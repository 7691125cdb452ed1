package org.openiru.text.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openiru.text.analysis.Language;
import org.openiru.text.analysis.TextAnalyzer;
import org.openiru.text.classify.Label;
import org.openiru.text.classify.LinearTextModel;
import org.openiru.text.corpus.CorpusRecord;
import org.openiru.text.lexicon.Lexicon;
import org.openiru.text.lexicon.ReferenceDataLoader;
import org.openiru.text.score.TextScore;
import org.openiru.text.score.TextScorer;

/**
 * Scores a labelled JSONL corpus and prints precision, recall and F1 per label and language, the
 * confusion matrix and the news items labelled propaganda. Languages are the corpus's {@code lang}
 * fields. Usage: {@code DetectionEvaluation CORPUS.jsonl [MODEL_FILE]} (default: the shipped model).
 */
public final class DetectionEvaluation {

    private DetectionEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DetectionEvaluation CORPUS.jsonl [MODEL_FILE]");
            System.exit(2);
        }
        TextScorer scorer = args.length > 1 ? scorer(Path.of(args[1])) : TextScorer.loadDefault();
        EvaluationResult result = evaluate(scorer, CorpusRecord.read(Path.of(args[0])));
        print(result, scorer.modelVersion(), System.out);
    }

    private static TextScorer scorer(Path model) throws IOException {
        try (InputStream in = Files.newInputStream(model)) {
            return new TextScorer(new Lexicon(ReferenceDataLoader.loadDefault()), LinearTextModel.load(in),
                    new TextAnalyzer());
        }
    }

    public static EvaluationResult evaluate(TextScorer scorer, List<CorpusRecord> records) {
        EvaluationResult result = new EvaluationResult();
        for (CorpusRecord r : records) {
            TextScore s = scorer.score(r.text());
            Label expected = Label.fromId(r.label());
            String line = expected == Label.JOURNALISM && s.label() == Label.PROPAGANDA ? falsePositive(r, s) : null;
            result.add(Language.fromCode(r.lang()), expected, s.label(), line);
        }
        return result;
    }

    private static String falsePositive(CorpusRecord r, TextScore s) {
        String reasons = s.reasons().stream().filter(x -> x.weight() != 0)
                .map(x -> String.format(Locale.ROOT, "%s%+.0f%s", x.code(), x.weight(), x.args().isEmpty() ? "" : x.args().subList(0, 1)))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s score %.0f: %s%n    [%s]", r.id(), s.score(), r.text(), reasons);
    }

    public static void print(EvaluationResult result, String model, PrintStream out) {
        out.println("model " + model);
        for (Language lang : new Language[] {null, Language.EN, Language.AR}) {
            out.printf(Locale.ROOT, "%n== %s ==%n", lang == null ? "all languages" : lang.code());
            out.printf(Locale.ROOT, "%-15s %6s %6s %6s %6s%n", "label", "P", "R", "F1", "n");
            for (Label l : Label.values()) {
                out.printf(Locale.ROOT, "%-15s %6.3f %6.3f %6.3f %6d%n", l.id(), result.precision(l, lang),
                        result.recall(l, lang), result.f1(l, lang), result.count(l, lang));
            }
            out.printf(Locale.ROOT, "news labelled propaganda: %.2f%%%n", 100 * result.newsFalsePositiveRate(lang));
            out.println("confusion (rows expected, columns predicted):");
            out.printf(Locale.ROOT, "%-15s", "");
            for (Label l : Label.values()) {
                out.printf(Locale.ROOT, "%15s", l.id());
            }
            out.println();
            long[][] m = result.confusion(lang);
            for (Label l : Label.values()) {
                out.printf(Locale.ROOT, "%-15s", l.id());
                for (long v : m[l.ordinal()]) {
                    out.printf(Locale.ROOT, "%15d", v);
                }
                out.println();
            }
        }
        out.printf(Locale.ROOT, "%nnews items labelled propaganda (%d):%n", result.newsFalsePositives().size());
        result.newsFalsePositives().forEach(out::println);
    }
}
