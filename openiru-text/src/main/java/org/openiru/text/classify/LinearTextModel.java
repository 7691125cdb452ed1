package org.openiru.text.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over hashed features: the weights trained by {@link ModelTrainer}
 * (Tribuo), kept as a dense array so that scoring is one pass over a text's features with no per-feature
 * name lookups. Immutable and thread-safe. Saved as a gzipped binary file holding only non-zero rows.
 */
public final class LinearTextModel {

    private static final int MAGIC = 0x4F495254; // "OIRT"
    private static final int FORMAT = 1;
    public static final String DEFAULT_RESOURCE = "/model/detect-model.bin.gz";

    private final String version;
    private final List<Label> labels;
    private final FeatureExtractor features;
    /** weights[bucket * labels + label]. */
    private final float[] weights;
    private final float[] bias;

    public LinearTextModel(String version, List<Label> labels, int buckets, float[] weights, float[] bias) {
        if (weights.length != buckets * labels.size() || bias.length != labels.size()) {
            throw new IllegalArgumentException("weights do not match buckets × labels");
        }
        this.version = version;
        this.labels = List.copyOf(labels);
        this.features = new FeatureExtractor(buckets);
        this.weights = weights.clone();
        this.bias = bias.clone();
    }

    public String version() {
        return version;
    }

    public List<Label> labels() {
        return labels;
    }

    public FeatureExtractor features() {
        return features;
    }

    /** Probabilities in the order of {@link #labels()}. */
    public double[] predict(FeatureVector x) {
        int k = labels.size();
        if (k == 5) {
            return softmax(predictFive(x));
        }
        double[] z = new double[k];
        for (int l = 0; l < k; l++) {
            z[l] = bias[l];
        }
        int[] idx = x.indexes();
        float[] val = x.values();
        for (int i = 0; i < idx.length; i++) {
            int base = idx[i] * k;
            float v = val[i];
            for (int l = 0; l < k; l++) {
                z[l] += weights[base + l] * v;
            }
        }
        return softmax(z);
    }

    /**
     * The same sums for the five labels every trained model has, in five local variables: the JIT keeps
     * them in registers, which halves the time of the loop above (it stores to the array at every step).
     * Each sum adds the same terms in the same order, so the results are identical.
     */
    private double[] predictFive(FeatureVector x) {
        double z0 = bias[0];
        double z1 = bias[1];
        double z2 = bias[2];
        double z3 = bias[3];
        double z4 = bias[4];
        int[] idx = x.indexes();
        float[] val = x.values();
        for (int i = 0; i < idx.length; i++) {
            int base = idx[i] * 5;
            float v = val[i];
            z0 += weights[base] * v;
            z1 += weights[base + 1] * v;
            z2 += weights[base + 2] * v;
            z3 += weights[base + 3] * v;
            z4 += weights[base + 4] * v;
        }
        return new double[] {z0, z1, z2, z3, z4};
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < z.length; i++) {
            z[i] /= sum;
        }
        return z;
    }

    /** The model shipped in this module, trained on the synthetic corpus. */
    public static LinearTextModel loadDefault() {
        try (InputStream in = LinearTextModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LinearTextModel load(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not an OpenIRU text model (format " + FORMAT + ")");
        }
        String version = in.readUTF();
        int labelCount = in.readInt();
        List<Label> labels = new ArrayList<>(labelCount);
        for (int i = 0; i < labelCount; i++) {
            labels.add(Label.fromId(in.readUTF()));
        }
        int buckets = in.readInt();
        float[] bias = new float[labelCount];
        for (int l = 0; l < labelCount; l++) {
            bias[l] = in.readFloat();
        }
        float[] weights = new float[buckets * labelCount];
        int rows = in.readInt();
        for (int r = 0; r < rows; r++) {
            int bucket = in.readInt();
            if (bucket < 0 || bucket >= buckets) {
                throw new IOException("bucket out of range: " + bucket);
            }
            for (int l = 0; l < labelCount; l++) {
                weights[bucket * labelCount + l] = in.readFloat();
            }
        }
        return new LinearTextModel(version, labels, buckets, weights, bias);
    }

    public void save(OutputStream raw) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(raw);
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(version);
        out.writeInt(labels.size());
        for (Label l : labels) {
            out.writeUTF(l.id());
        }
        int k = labels.size();
        int buckets = features.buckets();
        out.writeInt(buckets);
        for (float b : bias) {
            out.writeFloat(b);
        }
        int rows = 0;
        for (int b = 0; b < buckets; b++) {
            rows += nonZero(b) ? 1 : 0;
        }
        out.writeInt(rows);
        for (int b = 0; b < buckets; b++) {
            if (nonZero(b)) {
                out.writeInt(b);
                for (int l = 0; l < k; l++) {
                    out.writeFloat(weights[b * k + l]);
                }
            }
        }
        out.flush();
        gzip.finish();
    }

    private boolean nonZero(int bucket) {
        int k = labels.size();
        for (int l = 0; l < k; l++) {
            if (weights[bucket * k + l] != 0) {
                return true;
            }
        }
        return false;
    }
}
