package org.openiru.ingest;

import java.time.Instant;
import java.util.List;

/** One collection run (an import of a file, a crawl) and what it produced. */
public record Source(long id, String kind, String name, String location, String status, String createdBy,
                     Instant startedAt, Instant finishedAt, long newCount, long updatedCount, long duplicateCount,
                     long failedCount, long skippedCount, List<ImportError> errors, long errorCount) {
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";

    /** The summary line of the command line and the sources page. */
    public String summary() {
        return "new=" + newCount + " updated=" + updatedCount + " duplicate=" + duplicateCount + " failed="
                + failedCount;
    }
}
