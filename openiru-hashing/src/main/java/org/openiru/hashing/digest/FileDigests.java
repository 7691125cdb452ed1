package org.openiru.hashing.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.Hex;

/** MD5 and SHA-256 of one file or stream, computed together in a single streamed pass. */
public record FileDigests(String md5, String sha256, long size) {

    private static final int BUFFER = 64 * 1024;

    public static FileDigests of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** Reads the stream to its end; does not close it. */
    public static FileDigests of(InputStream in) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha256 = digest("SHA-256");
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            md5.update(buffer, 0, n);
            sha256.update(buffer, 0, n);
            size += n;
        }
        return new FileDigests(Hex.of(md5.digest()), Hex.of(sha256.digest()), size);
    }

    /** The SHA-256 as a {@link Hash256}, e.g. to match it in an index. */
    public Hash256 sha256Hash() {
        return Hash256.fromHex(sha256);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide " + algorithm, e);
        }
    }
}
