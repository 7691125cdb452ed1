package org.openiru.text.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openiru.text.Featurizer;
import org.openiru.text.analysis.TextAnalyzer;
import org.openiru.text.classify.Label;
import org.openiru.text.classify.LinearTextModel;
import org.openiru.text.classify.ModelTrainer;
import org.openiru.text.lexicon.Lexicon;
import org.openiru.text.lexicon.ReferenceDataLoader;

/**
 * Trains a model from a labelled JSONL corpus with the shipped reference data and writes it.
 * Usage: {@code TrainModel TRAIN.jsonl MODEL_FILE VERSION [SEED]}. The shipped model was made with
 * {@code TrainModel openiru-text/corpus/synthetic-train.jsonl
 * openiru-text/src/main/resources/model/detect-model.bin.gz synthetic-2}.
 */
public final class TrainModel {

    private TrainModel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: TrainModel TRAIN.jsonl MODEL_FILE VERSION [SEED]");
            System.exit(2);
        }
        List<ModelTrainer.Example> examples = CorpusRecord.read(Path.of(args[0])).stream()
                .map(r -> new ModelTrainer.Example(r.text(), Label.fromId(r.label())))
                .toList();
        Lexicon lexicon = new Lexicon(ReferenceDataLoader.loadDefault());
        Featurizer featurizer = new Featurizer(new TextAnalyzer(), lexicon,
                new org.openiru.text.classify.FeatureExtractor(ModelTrainer.BUCKETS));
        long seed = args.length > 3 ? Long.parseLong(args[3]) : CorpusGenerator.DEFAULT_SEED;
        LinearTextModel model = ModelTrainer.train(featurizer, examples, args[2], seed);
        Path out = Path.of(args[1]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            model.save(o);
        }
        System.out.println("trained " + args[2] + " on " + examples.size() + " examples → " + out);
    }
}
