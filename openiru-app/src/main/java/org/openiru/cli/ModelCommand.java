package org.openiru.cli;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.detect.Corpus;
import org.openiru.text.classify.Label;
import org.openiru.text.classify.ModelTrainer;
import org.openiru.web.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openiru model train}: a new classifier, stored in the database and made current. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Classifier models of the detect step.",
        subcommands = ModelCommand.Train.class)
class ModelCommand {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a model with the current reference data, store it in the database and make it current; "
                    + "scores made from then on record its version.")
    static class Train implements Callable<Integer> {
        @Option(names = "--from-corpus", paramLabel = "FILE",
                description = "Labelled JSONL {\"id\",\"text\",\"lang\",\"label\"} (e.g. openiru-text/corpus/synthetic-train.jsonl). "
                        + "Without it the model learns from the unit's own assessments (docs/detection.md).")
        Path corpus;

        @Option(names = "--name", description = "The model's version name (default: corpus-<UTC time>).")
        String version;

        @Override
        public Integer call() throws Exception {
            String v = version != null ? version : (corpus != null ? "corpus-" : "assessments-")
                    + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
                List<ModelTrainer.Example> examples = corpus != null ? Corpus.read(corpus).stream()
                        .map(r -> new ModelTrainer.Example(r.text(), Label.fromId(r.label()))).toList()
                        : app.detect.assessedExamples();
                app.detect.train(Actor.cli("model train"), examples, v, corpus != null
                        ? "corpus " + corpus.getFileName() : "assessments");
                System.out.println("trained model " + v + " on " + examples.size() + " examples; it is now current");
            }
            return 0;
        }
    }
}
