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
import org.openiru.text.classify.Label;
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
    public final Retrain retrain;

    private final Jdbi jdbi;

    public Detect(Jdbi jdbi, AuditLog audit, JobQueue jobs, java.time.Clock clock, int retrainMinAssessments) {
        this.jdbi = jdbi;
        this.reference = new ReferenceStore(jdbi, audit);
        this.models = new ModelStore(jdbi, audit);
        reference.loadShipped(ReferenceDataLoader.loadDefault());
        this.detector = new Detector(jdbi, reference, models);
        this.scores = new ItemScores(jdbi, detector);
        this.step = new ScoreStep(scores, jobs, clock);
        this.retrain = new Retrain(jdbi, this, jobs, clock, retrainMinAssessments);
    }

    /**
     * Trains a model on labelled texts with the current reference data's lexicon features, stores it and makes
     * it current. {@code training} says what it learnt from (stored and audited).
     */
    public LinearTextModel train(Actor who, List<ModelTrainer.Example> examples, String version, String training) {
        if (examples.stream().map(ModelTrainer.Example::label).distinct().count() < 2) {
            throw org.openiru.web.ApiException.badRequest("examples", "Training needs texts of at least two labels ("
                    + training + " gave " + examples.size() + " text(s)); assess more cases first");
        }
        Featurizer featurizer = new Featurizer(new TextAnalyzer(), new Lexicon(reference.current().data()),
                new FeatureExtractor(ModelTrainer.BUCKETS));
        LinearTextModel model = ModelTrainer.train(featurizer, examples, version, CorpusGenerator.DEFAULT_SEED);
        models.saveAsCurrent(who, model, examples.size(), training);
        return model;
    }

    /**
     * The unit's own assessments as training examples, one per item (its latest decision, from
     * {@code detect_assessed_items}) with the item's current text: terrorist content is {@code propaganda}; not
     * actionable as journalism, research or counter-speech is that label; not terrorist or out of scope is
     * {@code unrelated}. Artistic and duplicate say nothing about the text's kind and are left out.
     */
    public List<ModelTrainer.Example> assessedExamples() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT DISTINCT ON (d.item_id) v.text, d.outcome, d.reason FROM detect_assessed_items d
                JOIN items i ON i.id = d.item_id JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
                ORDER BY d.item_id, d.assessment_id DESC""")
                .map((rs, c) -> {
                    Label label = labelOf(rs.getString(2), rs.getString(3));
                    return label == null ? null : new ModelTrainer.Example(rs.getString(1), label);
                }).list().stream().filter(java.util.Objects::nonNull).toList());
    }

    static Label labelOf(String outcome, String reason) {
        if (outcome.equals("terrorist")) {
            return Label.PROPAGANDA;
        }
        return switch (reason) {
            case "journalism" -> Label.JOURNALISM;
            case "research" -> Label.RESEARCH;
            case "counter_speech" -> Label.COUNTER_SPEECH;
            case "not_terrorist", "out_of_scope" -> Label.UNRELATED;
            default -> null;
        };
    }

    public void register(Routes routes, Pages pages, Authenticator auth) {
        new DetectRoutes(this, pages, auth).register(routes);
    }
}
