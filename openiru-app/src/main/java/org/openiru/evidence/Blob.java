package org.openiru.evidence;

import java.time.Instant;

/** One stored file: its SHA-256 (also its name in the store), MD5, size, sniffed media type, first name seen. */
public record Blob(String sha256, String md5, long size, String mediaType, String originalName, Instant createdAt) {
}
