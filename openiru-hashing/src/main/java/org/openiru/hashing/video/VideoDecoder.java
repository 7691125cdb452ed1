package org.openiru.hashing.video;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_DISCARD;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_move_ref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.file.Path;
import java.util.ArrayDeque;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.openiru.hashing.HashingException;

/**
 * The first video stream of a file (the one Meta's vpdq hashes), read packet by packet and decoded on
 * the calling thread through bytedeco's FFmpeg API. The caller decides per packet whether the decoder
 * may drop the frame when no other frame refers to it, and may hold packets back and later send or
 * drop them: at one frame a second most frames are needed by no hashed frame, and not decoding them
 * is most of vPDQ's speed. Not thread-safe.
 */
final class VideoDecoder implements AutoCloseable {

    /** Receives decoded frames, valid only during the call. */
    interface Frames {
        void accept(AVFrame frame) throws HashingException;
    }

    private final String name;
    private final AVFormatContext format = new AVFormatContext(null);
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private final ArrayDeque<AVPacket> held = new ArrayDeque<>();
    private boolean opened;
    private AVStream stream;
    private AVCodecContext codec;
    private SwsContext sws;
    /** swscale reads four plane pointers and strides even for one-plane RGB24; only the first is used. */
    private final PointerPointer<BytePointer> rgbPlanes = new PointerPointer<>(4);
    private final IntPointer rgbStrides = new IntPointer(4);
    private BytePointer rgb;
    private int rgbWidth;
    private int rgbHeight;

    private VideoDecoder(String name) {
        this.name = name;
    }

    /** Reads the container header only: nothing is decoded, so limits can be checked first. */
    static VideoDecoder open(Path file, String name) throws HashingException {
        VideoDecoder video = new VideoDecoder(name);
        try {
            int error = avformat_open_input(video.format, file.toString(), null, null);
            if (error < 0) {
                throw new HashingException(name, "not a video FFmpeg can open (" + FfmpegErrors.describe(error) + ")");
            }
            video.opened = true;
            for (int i = 0; i < video.format.nb_streams() && video.stream == null; i++) {
                if (video.format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    video.stream = video.format.streams(i);
                }
            }
            if (video.stream == null) {
                throw new HashingException(name, "no video stream");
            }
            return video;
        } catch (HashingException | RuntimeException e) {
            video.close();
            throw e;
        }
    }

    /** Frame width the header declares (before {@link #startDecoding}) or the decoder found, 0 if unknown. */
    int width() {
        return stream.codecpar().width();
    }

    int height() {
        return stream.codecpar().height();
    }

    /** Declared duration, 0 if unknown. */
    double seconds() {
        return format.duration() > 0 ? format.duration() / (double) AV_TIME_BASE : 0;
    }

    /** The average frame rate, else the stream's base rate, as Meta's vpdq reads it; 0 if neither. */
    double frameRate() {
        AVRational rate = stream.avg_frame_rate();
        if (rate.num() == 0 || rate.den() == 0) {
            rate = stream.r_frame_rate();
        }
        return rate.den() == 0 ? 0 : av_q2d(rate);
    }

    /** Seconds per unit of the timestamps of packets and frames. */
    double timeBase() {
        return av_q2d(stream.time_base());
    }

    /**
     * Probes the streams as Meta's vpdq does (which fills in what the header left out, such as the
     * frame rate of some containers) and opens the decoder.
     */
    void startDecoding(long maxPixels) throws HashingException {
        int error = avformat_find_stream_info(format, (PointerPointer<?>) null);
        if (error < 0) {
            throw new HashingException(name, "FFmpeg cannot read its streams (" + FfmpegErrors.describe(error) + ")");
        }
        AVCodecParameters parameters = stream.codecpar();
        AVCodec decoder = avcodec_find_decoder(parameters.codec_id());
        if (decoder == null) {
            throw new HashingException(name, "no decoder for its video codec (FFmpeg codec id " + parameters.codec_id() + ")");
        }
        codec = avcodec_alloc_context3(decoder);
        check(avcodec_parameters_to_context(codec, parameters));
        // One decoding thread: a server hashes many videos at once, one hasher per thread, so extra
        // decoder threads only compete for the same cores (and cost more CPU per video, measured).
        // It also makes skip_frame, set per packet, apply to exactly that packet.
        codec.thread_count(1);
        // A backstop for headers that do not declare the size: the decoder refuses larger frames.
        codec.max_pixels(maxPixels);
        check(avcodec_open2(codec, decoder, (AVDictionary) null));
    }

    /** Reads the next packet of the video stream; false at the end (or a read error: the file ends there). */
    boolean read() {
        av_packet_unref(packet);
        while (av_read_frame(format, packet) >= 0) {
            if (packet.stream_index() == stream.index()) {
                return true;
            }
            av_packet_unref(packet);
        }
        return false;
    }

    long pts() {
        return packet.pts();
    }

    boolean isKey() {
        return (packet.flags() & AV_PKT_FLAG_KEY) != 0;
    }

    /** The container says the decoder must decode this packet's frame but not show it (edit lists). */
    boolean isDiscarded() {
        return (packet.flags() & AV_PKT_FLAG_DISCARD) != 0;
    }

    /** Decodes the packet just read; if {@code droppable}, the decoder skips it when no frame refers to it. */
    void send(boolean droppable, Frames frames) throws HashingException {
        send(packet, droppable, frames);
    }

    /** Keeps the packet just read for a later {@link #sendHeld} or {@link #dropHeld}. */
    void hold() {
        AVPacket copy = av_packet_alloc();
        av_packet_move_ref(copy, packet);
        held.add(copy);
    }

    boolean hasHeld() {
        return !held.isEmpty();
    }

    /** Decodes the held packets in order, each droppable as in {@link #send}. */
    void sendHeld(Frames frames) throws HashingException {
        while (!held.isEmpty()) {
            AVPacket next = held.poll();
            try {
                send(next, true, frames);
            } finally {
                av_packet_free(next);
            }
        }
    }

    void dropHeld() {
        while (!held.isEmpty()) {
            av_packet_free(held.poll());
        }
    }

    /** Hands out the frames the decoder still holds for reordering, then makes it ready for new packets. */
    void drain(Frames frames) throws HashingException {
        send(null, false, frames);
        avcodec_flush_buffers(codec);
    }

    private void send(AVPacket next, boolean droppable, Frames frames) throws HashingException {
        codec.skip_frame(droppable ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
        // A packet the decoder refuses (corrupt data) only loses its frame, as in Meta's vpdq,
        // which ignores these errors and counts the frames that come out.
        avcodec_send_packet(codec, next);
        while (true) {
            int result = avcodec_receive_frame(codec, frame);
            if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) {
                return;
            }
            check(result);
            frames.accept(frame);
        }
    }

    /**
     * Writes the frame as packed RGB24 at the given size into {@code out} (at least {@code 3 * width
     * * height} long), converted with swscale's area filter, as frames were hashed before this
     * decoder existed (JavaCV's grabber with the same settings).
     */
    void rgb(AVFrame decoded, int width, int height, byte[] out) throws HashingException {
        sws = sws_getCachedContext(sws, decoded.width(), decoded.height(), decoded.format(), width, height,
                AV_PIX_FMT_RGB24, SWS_AREA, null, null, (DoublePointer) null);
        if (sws == null) {
            throw new HashingException(name, "FFmpeg cannot convert its frames to RGB (pixel format "
                    + decoded.format() + ")");
        }
        int rowBytes = 3 * width;
        if (width != rgbWidth || height != rgbHeight) {
            freeRgb();
            // swscale's vector code writes whole blocks of pixels, past the end of a row whose
            // length is not a multiple of the block: rows are padded to 64 bytes, plus a spare row.
            int stride = (rowBytes + 63) & ~63;
            rgb = new BytePointer(av_malloc((long) stride * (height + 1))).capacity((long) stride * (height + 1));
            rgbPlanes.put(0, rgb);
            rgbStrides.put(0, stride);
            rgbWidth = width;
            rgbHeight = height;
        }
        sws_scale(sws, decoded.data(), decoded.linesize(), 0, decoded.height(), rgbPlanes, rgbStrides);
        int stride = rgbStrides.get(0);
        for (int y = 0; y < height; y++) {
            rgb.position((long) y * stride).get(out, y * rowBytes, rowBytes);
        }
    }

    private void freeRgb() {
        if (rgb != null) {
            av_free(rgb.position(0));
            rgb = null;
        }
    }

    private void check(int result) throws HashingException {
        if (result < 0) {
            throw new HashingException(name, "FFmpeg cannot decode it: " + FfmpegErrors.describe(result));
        }
    }

    @Override
    public void close() {
        dropHeld();
        if (codec != null) {
            avcodec_free_context(codec);
        }
        if (opened) {
            avformat_close_input(format);
        }
        av_packet_free(packet);
        av_frame_free(frame);
        if (sws != null) {
            sws_freeContext(sws);
        }
        freeRgb();
        rgbPlanes.close();
        rgbStrides.close();
    }
}
