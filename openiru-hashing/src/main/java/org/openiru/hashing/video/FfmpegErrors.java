package org.openiru.hashing.video;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg's text for its negative error codes, for messages an analyst can act on. */
final class FfmpegErrors {

    private static final int MAX_LENGTH = 256;

    private FfmpegErrors() {}

    static String describe(int error) {
        byte[] text = new byte[MAX_LENGTH];
        avutil.av_strerror(error, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }
}
