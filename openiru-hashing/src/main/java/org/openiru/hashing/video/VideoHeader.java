package org.openiru.hashing.video;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.openiru.hashing.HashingException;

/**
 * What a video's container header declares, read without decoding anything, so that a frame-size
 * bomb or an overlong video is refused before FFmpeg allocates frame buffers for it.
 *
 * @param width of the first video stream's frames, 0 if the header does not say
 * @param height likewise
 * @param seconds declared duration, 0 if unknown
 */
record VideoHeader(int width, int height, double seconds) {

    static VideoHeader read(Path file, String name) throws HashingException {
        AVFormatContext context = new AVFormatContext(null);
        int error = avformat.avformat_open_input(context, file.toString(), null, null);
        if (error < 0) {
            throw new HashingException(name, "not a video FFmpeg can open (" + FfmpegErrors.describe(error) + ")");
        }
        try {
            double seconds = context.duration() > 0 ? context.duration() / (double) avutil.AV_TIME_BASE : 0;
            for (int i = 0; i < context.nb_streams(); i++) {
                AVCodecParameters codec = context.streams(i).codecpar();
                if (codec.codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                    return new VideoHeader(codec.width(), codec.height(), seconds);
                }
            }
            throw new HashingException(name, "no video stream");
        } finally {
            avformat.avformat_close_input(context);
        }
    }
}
