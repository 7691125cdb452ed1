package org.openiru.detect;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.store.queue.JobQueue;
import org.openiru.text.Featurizer;
import org.openiru.text.analysis.TextAnalyzer;
import org.openiru.text.corpus.CorpusGenerator;
import org.openiru.text.classify.FeatureExtractor;
import org.openiru.text.classify.LinearTextModel;
import org.openiru.text.classify.ModelTrainer;
import org.openiru.text.lexicon.Lexicon;
import org.openiru.text.lexicon.ReferenceDataLoader;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/**
 * The detect feature, wired: reference data and models in the database, the scorer built from them, item
 * scores and the pipeline step that keeps them current. Loads the shipped reference data when it is new.
 */
public final class Detect {
    public final ReferenceStore reference;
    public final ModelStore models;
    public final Detector detector;
    public final ItemScores scores;
    public final ScoreStep step;

    public Detect(Jdbi jdbi, AuditLog audit, JobQueue jobs) {
        this.reference = new ReferenceStore(jdbi, audit);
        this.models = new ModelStore(jdbi, audit);
        reference.loadShipped(ReferenceDataLoader.loadDefault());
        this.detector = new Detector(jdbi, reference, models);
        this.scores = new ItemScores(jdbi, detector);
        this.step = new ScoreStep(scores, jobs);
    }

    /**
     * Trains a model on labelled texts with the current reference data's lexicon features, stores it and makes
     * it current. {@code training} says what it learnt from (stored and audited).
     */
    public LinearTextModel train(Actor who, List<ModelTrainer.Example> examples, String version, String training) {
        Featurizer featurizer = new Featurizer(new TextAnalyzer(), new Lexicon(reference.current().data()),
                new FeatureExtractor(ModelTrainer.BUCKETS));
        LinearTextModel model = ModelTrainer.train(featurizer, examples, version, CorpusGenerator.DEFAULT_SEED);
        models.saveAsCurrent(who, model, examples.size(), training);
        return model;
    }

    public void register(Routes routes, Pages pages, Authenticator auth) {
        new DetectRoutes(this, pages, auth).register(routes);
    }
}
