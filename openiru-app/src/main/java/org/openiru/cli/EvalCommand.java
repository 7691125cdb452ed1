package org.openiru.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.detect.Corpus;
import org.openiru.text.eval.DetectionEvaluation;
import org.openiru.text.eval.EvaluationResult;
import org.openiru.text.score.TextScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code openiru eval detect CORPUS.jsonl}: how the current scorer does on a labelled corpus. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a part of OpenIRU on labelled data.",
        subcommands = EvalCommand.Detect.class)
class EvalCommand {

    @Command(name = "detect", mixinStandardHelpOptions = true,
            description = "Score a labelled JSONL corpus {\"id\",\"text\",\"lang\",\"label\"} with the current reference "
                    + "data and model; print precision, recall and F1 per label and language, the confusion matrices "
                    + "and the news items labelled propaganda.")
    static class Detect implements Callable<Integer> {
        @Parameters(paramLabel = "CORPUS.jsonl", description = "e.g. openiru-text/corpus/synthetic-heldout.jsonl")
        Path corpus;

        @Override
        public Integer call() throws Exception {
            var records = Corpus.read(corpus);
            try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
                TextScorer scorer = app.detect.detector.current().scorer();
                EvaluationResult result = DetectionEvaluation.evaluate(scorer, records);
                DetectionEvaluation.print(result, scorer.modelVersion(), System.out);
            }
            return 0;
        }
    }
}
