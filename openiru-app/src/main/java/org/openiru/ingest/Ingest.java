package org.openiru.ingest;

import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;

/** Where every connector starts an import: makes the {@link Source} and the {@link IngestRun} that fills it. */
public final class Ingest {
    /** Items per batch (one COPY and one transaction each): large enough to amortise, small enough to lose. */
    public static final int BATCH_SIZE = 2000;
    /**
     * Writer connections per import. The database does most of the work of an import in one backend per
     * connection; two let it use a second core while the reader parses (docs/ingest.md, "The write path").
     */
    public static final int WRITERS = 2;
    public final Sources sources;
    private final Jdbi jdbi;
    private final Stored stored;

    /**
     * Told after each committed batch which items got a new or changed text (the next pipeline step). Called
     * from the writer threads, so from several threads at once.
     */
    @FunctionalInterface
    public interface Stored {
        void stored(long sourceId, long batchStart, java.util.List<Long> itemIds);
    }

    public Ingest(Jdbi jdbi, Sources sources, Stored stored) {
        this.jdbi = jdbi;
        this.sources = sources;
        this.stored = stored;
    }

    /** Starts an import; {@code kind} is one of the source kinds of the sources table. */
    public IngestRun begin(Actor who, String kind, String name, String location) {
        return new IngestRun(jdbi, sources, who, sources.start(who, kind, name, location), BATCH_SIZE, WRITERS,
                stored);
    }
}
