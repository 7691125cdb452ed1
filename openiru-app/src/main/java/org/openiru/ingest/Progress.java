package org.openiru.ingest;

/** What every importer reports now and then while reading: items so far, bytes read of the total (0 if unknown). */
public interface Progress {
    Progress NONE = (items, bytesRead, totalBytes) -> { };

    void report(long items, long bytesRead, long totalBytes);
}
