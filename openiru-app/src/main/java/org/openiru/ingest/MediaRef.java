package org.openiru.ingest;

/**
 * A file an item carries: stored as a blob ({@code blobSha256}), or referenced by the source but not
 * included ({@code blobSha256} null: recorded as missing).
 */
public record MediaRef(String role, String originalName, String blobSha256) {
    public boolean missing() {
        return blobSha256 == null;
    }
}
