package org.openiru.ingest;

/** What a batch (or a whole import) did: items new, changed (a new version), seen before unchanged. */
public record BatchCounts(long created, long updated, long duplicate) {
}
