package org.openiru.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openiru.hashing.digest.FileDigests;

/**
 * Content-addressed evidence: each file is stored once under {@code <root>/aa/bb/<sha256>} and never
 * rewritten. A file is streamed into a temporary file under the same root (same file system) while its
 * SHA-256 and MD5 are computed in the same pass, made read-only, then linked to its final name. Linking
 * fails when the name exists, so a stored blob can never be replaced: an existing one is checked against
 * its name instead and the temporary copy dropped.
 */
public final class BlobStore {
    /** The default limit for one file, 2 GiB. */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;

    private final Path root;
    private final Path incoming;
    private final Jdbi jdbi;
    private final java.util.function.Consumer<Blob> onNew;

    public BlobStore(Path root, Jdbi jdbi) {
        this(root, jdbi, blob -> { });
    }

    /** {@code onNew} hears of every blob stored for the first time (the pipeline hashes and matches it). */
    public BlobStore(Path root, Jdbi jdbi, java.util.function.Consumer<Blob> onNew) {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve("incoming");
        this.jdbi = jdbi;
        this.onNew = onNew;
    }

    /** Stores the file at {@code file}; {@code originalName} is remembered when the blob is new. */
    public Blob put(Path file, String originalName, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(originalName, maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return put(in, originalName, maxBytes);
        }
    }

    /** Stores a stream (read to its end, not closed), refusing it past {@code maxBytes}. */
    public Blob put(InputStream in, String originalName, long maxBytes) throws IOException {
        Files.createDirectories(incoming);
        Path temp = Files.createTempFile(incoming, "blob-", ".part");
        try {
            FileDigests digests;
            byte[] head;
            try (OutputStream out = Files.newOutputStream(temp)) {
                CopyingStream copying = new CopyingStream(in, out, maxBytes, originalName);
                digests = FileDigests.of(copying);
                head = copying.head;
            }
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r--r--r--"));
            Path target = path(digests.sha256());
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                verify(digests.sha256());
            }
            String mediaType = MediaTypes.sniff(head, (int) Math.min(head.length, digests.size()));
            return record(digests, mediaType, originalName);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Where a blob's bytes are; the file may not exist. */
    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /**
     * Deletes a blob's bytes, keeping its row (hashes, size, type) for the records that name it. Only the
     * preservation purge calls this, for files that no kept item carries (docs/preservation.md); storing the same
     * bytes again later brings the file back under the same name.
     */
    public boolean discard(String sha256) throws IOException {
        return Files.deleteIfExists(path(sha256));
    }

    public Optional<Blob> find(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT sha256, md5, size, media_type, original_name, created_at FROM blobs WHERE sha256 = ?""")
                .bind(0, sha256)
                .map((rs, ctx) -> new Blob(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class).toInstant()))
                .findOne());
    }

    /** Re-reads a stored blob and fails unless its bytes still hash to its name. */
    public void verify(String sha256) throws IOException {
        String actual = FileDigests.of(path(sha256)).sha256();
        if (!actual.equals(sha256)) {
            throw new IllegalStateException("Stored blob " + path(sha256) + " was altered: its bytes hash to "
                    + actual);
        }
    }

    private Blob record(FileDigests d, String mediaType, String originalName) {
        int inserted = jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO blobs (sha256, md5, size, media_type, original_name)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING""")
                .bind(0, d.sha256()).bind(1, d.md5()).bind(2, d.size()).bind(3, mediaType)
                .bind(4, originalName).execute());
        Blob blob = find(d.sha256()).orElseThrow();
        if (inserted == 1) {
            onNew.accept(blob);
        }
        return blob;
    }

    private static EvidenceException tooLarge(String name, long maxBytes) {
        return new EvidenceException("file_too_large", "File " + SafePaths.printable(name) + " is larger than the "
                + "limit of " + maxBytes + " bytes");
    }

    /** Copies what is read to {@code out}, keeps the first bytes for sniffing, and enforces the size limit. */
    private static final class CopyingStream extends FilterInputStream {
        private final OutputStream out;
        private final long maxBytes;
        private final String name;
        private final byte[] head = new byte[MediaTypes.HEAD];
        private long count;

        CopyingStream(InputStream in, OutputStream out, long maxBytes, String name) {
            super(in);
            this.out = out;
            this.maxBytes = maxBytes;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                if (count + n > maxBytes) {
                    throw tooLarge(name, maxBytes);
                }
                if (count < head.length) {
                    System.arraycopy(b, off, head, (int) count, (int) Math.min(n, head.length - count));
                }
                out.write(b, off, n);
                count += n;
            }
            return n;
        }
    }
}
