package org.openiru.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The media type of a file from its first bytes. File names and declared types come from the source and
 * cannot be trusted (a "photo.jpg" may be anything), so the stored type is what the bytes say.
 */
public final class MediaTypes {
    /** How many leading bytes {@link #sniff} looks at. */
    public static final int HEAD = 16;
    public static final String UNKNOWN = "application/octet-stream";

    private MediaTypes() {
    }

    public static String sniff(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.min(length, head.length));
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return "image/gif";
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return "image/webp";
        }
        if (ascii(b, 4, "ftyp")) {
            return "video/mp4";
        }
        if (starts(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "video/webm";
        }
        if (ascii(b, 0, "OggS")) {
            return "audio/ogg";
        }
        if (ascii(b, 0, "ID3") || starts(b, 0, 0xFF, 0xFB)) {
            return "audio/mpeg";
        }
        if (ascii(b, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (starts(b, 0, 'P', 'K', 3, 4)) {
            return "application/zip";
        }
        if (starts(b, 0, 0x1F, 0x8B)) {
            return "application/gzip";
        }
        return UNKNOWN;
    }

    private static boolean starts(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int at, String expected) {
        byte[] e = expected.getBytes(StandardCharsets.US_ASCII);
        return b.length >= at + e.length && Arrays.equals(b, at, at + e.length, e, 0, e.length);
    }
}
