package org.openiru.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.text.classify.LinearTextModel;
import org.openiru.web.ApiException;

/**
 * Classifier models trained in this deployment, kept in the database so that every process scores with the
 * same one. Without any, the model shipped in openiru-text (trained on the synthetic corpus) is used.
 */
public final class ModelStore {
    private final Jdbi jdbi;
    private final AuditLog audit;

    public ModelStore(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** A stored model's facts, without its weights. */
    public record ModelInfo(String version, String trainedBy, java.time.Instant trainedAt, int examples,
                            String training, boolean current) {
    }

    /** The current trained model's version, or empty when the shipped model is in use. */
    public Optional<String> currentVersion() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM detect_models WHERE current")
                .mapTo(String.class).findOne());
    }

    /** The current model: the latest trained here, else the shipped one. */
    public LinearTextModel current() {
        Optional<byte[]> data = jdbi.withHandle(h -> h.createQuery("SELECT data FROM detect_models WHERE current")
                .mapTo(byte[].class).findOne());
        if (data.isEmpty()) {
            return LinearTextModel.loadDefault();
        }
        try {
            return LinearTextModel.load(new ByteArrayInputStream(data.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("the current model in detect_models cannot be read", e);
        }
    }

    public List<ModelInfo> list() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT version, trained_by, trained_at, examples, training, current FROM detect_models
                ORDER BY trained_at DESC""")
                .map((rs, c) -> new ModelInfo(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getInt(4), rs.getString(5),
                        rs.getBoolean(6))).list());
    }

    /** Stores a newly trained model and makes it current; scores made from now on name its version. */
    public void saveAsCurrent(Actor who, LinearTextModel model, int examples, String training) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            model.save(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbi.useTransaction(h -> {
            if (h.createQuery("SELECT 1 FROM detect_models WHERE version = ?").bind(0, model.version())
                    .mapTo(Integer.class).findOne().isPresent()) {
                throw ApiException.conflict("version", "A model named " + model.version() + " exists already");
            }
            h.execute("UPDATE detect_models SET current = false WHERE current");
            h.createUpdate("""
                    INSERT INTO detect_models (version, trained_by, examples, training, data, current)
                    VALUES (?, ?, ?, ?, ?, true)""").bind(0, model.version()).bind(1, who.name()).bind(2, examples)
                    .bind(3, training).bind(4, bytes.toByteArray()).execute();
            audit.record(h, who, "detect.model.trained", "model", model.version(),
                    Map.of("examples", examples, "training", training, "bytes", bytes.size()));
        });
    }
}
