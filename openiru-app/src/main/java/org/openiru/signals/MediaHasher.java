package org.openiru.signals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openiru.hashing.HashingException;
import org.openiru.hashing.digest.FileDigests;
import org.openiru.hashing.image.ImageDecoder;
import org.openiru.hashing.pdq.PdqImageHasher;
import org.openiru.hashing.pdq.PdqResult;

/**
 * PDQ, MD5 and SHA-256 of an image file or upload. Refuses empty files, non-images, corrupt data and images
 * whose header gives more pixels than the limit, each with a {@link HashingException} naming the file.
 * Thread-safe: each call gets its own PDQ hasher (they reuse buffers and are not).
 */
public final class MediaHasher {
    public static final String IMAGE = "image";
    private final long maxPixels;

    public MediaHasher() {
        this(ImageDecoder.DEFAULT_MAX_PIXELS);
    }

    public MediaHasher(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    public MediaHashes hash(Path file) throws HashingException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new HashingException(name, "no such file");
        }
        PdqResult pdq = new PdqImageHasher(maxPixels).hash(file);
        try {
            return of(name, pdq, FileDigests.of(file));
        } catch (IOException e) {
            throw new HashingException(name, "cannot read file: " + e.getMessage(), e);
        }
    }

    public MediaHashes hash(byte[] bytes, String name) throws HashingException {
        if (bytes.length == 0) {
            throw new HashingException(name, "empty file (0 bytes)");
        }
        PdqResult pdq = new PdqImageHasher(maxPixels).hash(new ByteArrayInputStream(bytes), name);
        try {
            return of(name, pdq, FileDigests.of(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    private static MediaHashes of(String name, PdqResult pdq, FileDigests digests) {
        return new MediaHashes(name, IMAGE, pdq.hash().toHex(), pdq.quality(), digests.md5(), digests.sha256());
    }
}
