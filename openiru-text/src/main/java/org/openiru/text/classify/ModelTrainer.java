package org.openiru.text.classify;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openiru.text.Featurizer;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the multinomial logistic regression with Tribuo (SGD, AdaGrad, log loss) and copies its weights
 * into a {@link LinearTextModel}. Deterministic for a given seed and input order.
 */
public final class ModelTrainer {

    /** 2^17 buckets: few collisions for a unit-sized corpus, 2.6 MB of weights in memory. */
    public static final int BUCKETS = 1 << 17;
    private static final int EPOCHS = 12;
    private static final double LEARNING_RATE = 0.5;

    private ModelTrainer() {
    }

    /** One labelled training text. */
    public record Example(String text, Label label) {
    }

    public static LinearTextModel train(Featurizer featurizer, List<Example> examples, String version, long seed) {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING); // per-epoch INFO lines are noise here
        LabelFactory factory = new LabelFactory();
        MutableDataset<org.tribuo.classification.Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("openiru-assessments", OffsetDateTime.now(), factory), factory);
        for (Example e : examples) {
            FeatureVector x = featurizer.featurize(e.text()).features();
            TreeMap<Integer, Double> merged = new TreeMap<>();
            for (int i = 0; i < x.indexes().length; i++) {
                merged.merge(x.indexes()[i], (double) x.values()[i], Double::sum);
            }
            String[] names = merged.keySet().stream().map(ModelTrainer::featureName).toArray(String[]::new);
            double[] values = merged.values().stream().mapToDouble(Double::doubleValue).toArray();
            dataset.add(new ArrayExample<>(new org.tribuo.classification.Label(e.label().id()), names, values));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1),
                EPOCHS, Integer.MAX_VALUE, 1, seed);
        LinearSGDModel model = trainer.train(dataset);
        return export(model, version);
    }

    private static String featureName(int bucket) {
        return "b" + bucket;
    }

    /** Tribuo's weight matrix is [outputs × (features + 1)], the bias in the last column. */
    private static LinearTextModel export(LinearSGDModel model, String version) {
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        ImmutableOutputInfo<org.tribuo.classification.Label> outputs = model.getOutputIDInfo();
        DenseMatrix w = model.getWeightsCopy();
        List<Label> labels = Arrays.asList(Label.values());
        int k = labels.size();
        float[] weights = new float[BUCKETS * k];
        float[] bias = new float[k];
        int biasColumn = featureMap.size();
        for (int l = 0; l < k; l++) {
            int out = outputs.getID(new org.tribuo.classification.Label(labels.get(l).id()));
            if (out < 0) {
                bias[l] = -30f; // a label the training data never had: never predicted
                continue;
            }
            bias[l] = (float) w.get(out, biasColumn);
            for (int f = 0; f < featureMap.size(); f++) {
                int bucket = Integer.parseInt(featureMap.get(f).getName().substring(1));
                weights[bucket * k + l] = (float) w.get(out, f);
            }
        }
        return new LinearTextModel(version, labels, BUCKETS, weights, bias);
    }
}
