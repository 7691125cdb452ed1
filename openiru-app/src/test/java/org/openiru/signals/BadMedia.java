package org.openiru.signals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/** Hostile and broken files, made on the fly (synthetic; nothing is stored in the repository). */
final class BadMedia {
    private BadMedia() {
    }

    /** A valid PNG header that claims {@code side} x {@code side} pixels, and no pixel data. */
    static byte[] pngBomb(int side) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(side).putInt(side).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    /** The image's headers kept, its compressed data overwritten with a fixed pattern. */
    static byte[] corrupted(byte[] image) {
        byte[] copy = image.clone();
        for (int i = copy.length / 4; i < copy.length - 2; i++) {
            copy[i] = (byte) (i * 31);
        }
        return copy;
    }

    static byte[] truncated(byte[] image) {
        return Arrays.copyOf(image, image.length / 3);
    }
}
