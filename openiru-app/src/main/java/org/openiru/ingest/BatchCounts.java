package org.openiru.ingest;

/** What a batch (or a whole import) did: items new, changed (a new version), seen before unchanged. */
public record BatchCounts(long created, long updated, long duplicate) {
    public static final BatchCounts NONE = new BatchCounts(0, 0, 0);

    public BatchCounts plus(BatchCounts o) {
        return new BatchCounts(created + o.created, updated + o.updated, duplicate + o.duplicate);
    }
}
