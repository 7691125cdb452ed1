package org.openiru.signals;

import java.util.List;
import org.openiru.evidence.MediaTypes;
import org.openiru.hashing.video.VideoHashOptions;
import org.openiru.hashing.video.VideoHasher;
import org.openiru.hashing.video.VpdqFrame;

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
    public static final String VIDEO = "video";
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

    /** True when the file's first bytes say it is a video (MP4/QuickTime, WebM/Matroska). */
    public static boolean isVideo(Path file) throws HashingException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head = new byte[64];
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new HashingException(file.toString(), "cannot read file: " + e.getMessage(), e);
        }
        return MediaTypes.sniff(head, n).startsWith("video/");
    }

    /** vPDQ at one frame per second (Meta's default), with the file's MD5 and SHA-256. */
    public VideoHashes hashVideo(Path file) throws HashingException {
        String name = file.toString();
        List<VpdqFrame> frames = new VideoHasher(VideoHashOptions.defaults()).hash(file);
        try {
            FileDigests d = FileDigests.of(file);
            return new VideoHashes(name, VIDEO, d.md5(), d.sha256(), frames.stream()
                    .map(f -> new VideoHashes.Frame(f.frameNumber(), f.quality(), f.hash().toHex(),
                            f.timestampSeconds()))
                    .toList());
        } catch (IOException e) {
            throw new HashingException(name, "cannot read file: " + e.getMessage(), e);
        }
    }

    private static MediaHashes of(String name, PdqResult pdq, FileDigests digests) {
        return new MediaHashes(name, IMAGE, pdq.hash().toHex(), pdq.quality(), digests.md5(), digests.sha256());
    }
}
