package org.openiru.hashing.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * Makes a variable-frame-rate copy of a sample video without re-encoding: the video stream's
 * timestamps from one frame on are moved later, so timestamps no longer tell frame numbers.
 */
final class VariableFrameRate {

    private VariableFrameRate() {}

    /** Copies the first stream (video in the samples), adding {@code shift} ticks from {@code fromPts} on. */
    static Path copy(Path video, Path out, long fromPts, long shift) {
        AVFormatContext in = new AVFormatContext(null);
        AVFormatContext mux = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        check(avformat_open_input(in, video.toString(), null, null));
        try {
            check(avformat_alloc_output_context2(mux, null, null, out.toString()));
            AVStream source = in.streams(0);
            AVStream copy = avformat_new_stream(mux, null);
            check(avcodec_parameters_copy(copy.codecpar(), source.codecpar()));
            copy.codecpar().codec_tag(0);
            copy.time_base(source.time_base());
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, out.toString(), AVIO_FLAG_WRITE));
            mux.pb(io);
            check(avformat_write_header(mux, (AVDictionary) null));
            while (av_read_frame(in, packet) >= 0) {
                if (packet.stream_index() == 0) {
                    if (packet.pts() >= fromPts) {
                        packet.pts(packet.pts() + shift).dts(packet.dts() + shift);
                    }
                    check(av_interleaved_write_frame(mux, packet));
                }
                av_packet_unref(packet);
            }
            check(av_write_trailer(mux));
            avio_closep(mux.pb());
            return out;
        } finally {
            av_packet_free(packet);
            avformat_close_input(in);
            avformat_free_context(mux);
        }
    }

    private static void check(int result) {
        if (result < 0) {
            throw new IllegalStateException("FFmpeg error " + FfmpegErrors.describe(result));
        }
    }
}
