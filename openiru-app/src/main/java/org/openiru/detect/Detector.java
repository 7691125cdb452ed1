package org.openiru.detect;

import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.openiru.text.analysis.TextAnalyzer;
import org.openiru.text.lexicon.Lexicon;
import org.openiru.text.score.TextScorer;

/**
 * The scorer built from the database's current reference data and model. Each use checks (one small query)
 * whether either changed, in this process or another, and rebuilds the automaton and scorer if so.
 */
public final class Detector {
    private final Jdbi jdbi;
    private final ReferenceStore reference;
    private final ModelStore models;
    private volatile Current current;

    public Detector(Jdbi jdbi, ReferenceStore reference, ModelStore models) {
        this.jdbi = jdbi;
        this.reference = reference;
        this.models = models;
    }

    /** A scorer with the known hosts of the same reference version. */
    public record Current(long referenceId, String modelVersion, TextScorer scorer,
                          List<ReferenceStore.KnownHost> hosts) {
    }

    public Current current() {
        var ids = jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT version_id FROM detect_current_reference),
                       (SELECT version FROM detect_models WHERE current)""")
                .map((rs, c) -> new Object[] {rs.getLong(1), rs.getString(2)}).one());
        Current c = current;
        if (c != null && c.referenceId() == (long) ids[0] && Objects.equals(c.modelVersion(), ids[1])) {
            return c;
        }
        synchronized (this) {
            c = current;
            if (c == null || c.referenceId() != (long) ids[0] || !Objects.equals(c.modelVersion(), ids[1])) {
                ReferenceStore.Version v = reference.current();
                TextScorer scorer = new TextScorer(new Lexicon(v.data()), models.current(), new TextAnalyzer());
                c = new Current(v.id(), (String) ids[1], scorer, v.hosts());
                current = c;
            }
            return c;
        }
    }
}
