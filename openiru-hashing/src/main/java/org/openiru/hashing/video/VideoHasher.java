package org.openiru.hashing.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.openiru.hashing.HashingException;
import org.openiru.hashing.ImageRejectedException;
import org.openiru.hashing.pdq.PdqHasher;
import org.openiru.hashing.pdq.PdqInput;
import org.openiru.hashing.pdq.PdqResult;

/**
 * vPDQ: decodes a video with FFmpeg and PDQ-hashes frames, the way Meta's vpdq does: the first video
 * stream, frames numbered from 0 in the order the decoder outputs them, frame {@code n} hashed when
 * {@code n % floor(secondsPerHash * frameRate) == 0}, converted to RGB24 with swscale's area filter
 * (at the video's size unless scaling is asked for), timestamp {@code n / frameRate}.
 * Frames that no hashed frame depends on are not decoded at all (see {@code decode}).
 *
 * <p>Every failure is a {@link HashingException} naming the file. <b>Not thread-safe</b> (it reuses
 * a {@link PdqHasher} and a frame buffer): use one per thread.
 */
public final class VideoHasher {

    static {
        // FFmpeg logs to stderr by default; its errors reach us as exceptions, so only fatal ones
        // are worth printing (Meta's vpdq does the same when not verbose).
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    private final VideoHashOptions options;
    private final PdqHasher pdq = new PdqHasher();
    /** Reused from frame to frame and video to video: a new array per video costs measurably. */
    private byte[] rgb = new byte[0];

    public VideoHasher(VideoHashOptions options) {
        this.options = options;
    }

    /** The sampled frames in frame order, of every quality (filtering is the matcher's job). */
    public List<VpdqFrame> hash(Path file) throws HashingException {
        return hash(file, file.toString());
    }

    /**
     * Hashes a stream, which is read to the end but not closed, through a temporary file: MP4 and
     * other containers often need to seek (e.g. an index at the end). {@code name} labels errors.
     */
    public List<VpdqFrame> hash(InputStream stream, String name) throws HashingException {
        Path temp = null;
        try {
            temp = Files.createTempFile("openiru-video-", ".tmp");
            Files.copy(stream, temp, StandardCopyOption.REPLACE_EXISTING);
            return hash(temp, name);
        } catch (IOException e) {
            throw new HashingException(name, "cannot read stream: " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private List<VpdqFrame> hash(Path file, String name) throws HashingException {
        if (!Files.isRegularFile(file)) {
            throw new HashingException(name, "no such file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new HashingException(name, "empty file (0 bytes)");
            }
        } catch (IOException e) {
            throw new HashingException(name, "cannot read file: " + e, e);
        }
        try {
            return decode(file, name, true);
        } catch (FrameNumbers.Uncountable e) {
            return decode(file, name, false);
        }
    }

    /**
     * One pass over the video. When {@code skipping}, frames no hashed frame depends on are not
     * decoded: those that no other frame refers to, and those after the last hashed frame before a
     * keyframe (frames after a keyframe do not refer to frames before it). Which frames are hashed is
     * guessed from packet timestamps and checked by {@link FrameNumbers}, which throws when the
     * guess or the video's timestamps fail; the pass without skipping then numbers frames exactly as
     * Meta's vpdq does, by counting them.
     */
    private List<VpdqFrame> decode(Path file, String name, boolean skipping) throws HashingException {
        try (VideoDecoder video = VideoDecoder.open(file, name)) {
            checkSize(video.width(), video.height(), name);
            checkLength(video.seconds(), name);
            video.startDecoding(options.maxPixels());
            // Headers of raw streams may not give the size; probing the stream found it.
            checkSize(video.width(), video.height(), name);
            double frameRate = video.frameRate();
            if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
                throw new HashingException(name, "no usable frame rate (" + frameRate + ")");
            }
            // Meta's rule, including the truncation and the floor of 1 (0 seconds: every frame).
            int frameMod = Math.max(1, (int) (options.secondsPerHash() * frameRate));
            Pass pass = new Pass(video, name, frameRate, frameMod, skipping && frameMod > 1);
            return pass.run();
        }
    }

    private void checkSize(int width, int height, String name) throws ImageRejectedException {
        if ((long) width * height > options.maxPixels()) {
            throw new ImageRejectedException(name, "frames are " + width + "x" + height + ", more than the limit of "
                    + options.maxPixels() + " pixels");
        }
    }

    private void checkLength(double seconds, String name) throws ImageRejectedException {
        if (seconds > options.maxSeconds()) {
            throw new ImageRejectedException(name, tooLong(seconds));
        }
    }

    private String tooLong(double seconds) {
        return String.format("longer than the limit of %.0f s (%.0f s or more)", options.maxSeconds(), seconds);
    }

    /** Decodes one video and hashes every {@code frameMod}-th frame. */
    private final class Pass implements VideoDecoder.Frames {
        private final VideoDecoder video;
        private final String name;
        private final double frameRate;
        private final int frameMod;
        private final boolean skipping;
        private final FrameNumbers numbers;
        private final double framesPerTick;
        private final List<VpdqFrame> hashes = new ArrayList<>();
        /** Timestamp of the first frame (frame 0 when guessing which frames to hash). */
        private long origin = avutil.AV_NOPTS_VALUE;
        /** Timestamp of the keyframe the decoder last started again from. */
        private long restartedAt = avutil.AV_NOPTS_VALUE;
        private int decoded;

        Pass(VideoDecoder video, String name, double frameRate, int frameMod, boolean skipping) {
            this.video = video;
            this.name = name;
            this.frameRate = frameRate;
            this.frameMod = frameMod;
            this.skipping = skipping;
            this.numbers = new FrameNumbers(frameMod);
            this.framesPerTick = video.timeBase() * frameRate;
        }

        List<VpdqFrame> run() throws HashingException {
            long maxFrames = (long) Math.ceil(options.maxSeconds() * frameRate);
            long frames = 0;
            while (video.read()) {
                // Decoded for other frames to refer to but never shown (edit lists): not a frame.
                boolean shown = !video.isDiscarded();
                if (shown && ++frames > maxFrames) {
                    throw new ImageRejectedException(name, tooLong(frames / frameRate));
                }
                if (skipping) {
                    sendOrHold(shown);
                } else {
                    video.send(false, this);
                }
            }
            // Frames held back after the last hashed one are needed by none.
            video.dropHeld();
            video.drain(this);
            if (skipping) {
                numbers.end();
            }
            if (decoded == 0) {
                throw new HashingException(name, "no video frame could be decoded");
            }
            return hashes;
        }

        /**
         * Holds a packet back until a frame to hash comes, then sends the held ones with leave to
         * skip those no other frame refers to; at a keyframe the held ones are dropped instead,
         * since later frames refer to nothing before it. The decoder is drained and flushed there,
         * so it starts again from that keyframe and puts out only frames it could decode correctly
         * (a frame to hash missing from its output makes {@link FrameNumbers} give up).
         */
        private void sendOrHold(boolean shown) throws HashingException {
            long pts = video.pts();
            if (video.isKey() && video.hasHeld()) {
                video.dropHeld();
                video.drain(this);
                restartedAt = pts;
            }
            if (!shown) {
                video.hold();
                return;
            }
            numbers.read(pts);
            origin = origin == avutil.AV_NOPTS_VALUE ? pts : origin;
            if (Math.round((pts - origin) * framesPerTick) % frameMod != 0) {
                video.hold();
                return;
            }
            if (restartedAt != avutil.AV_NOPTS_VALUE && pts < restartedAt) {
                // Shown before the keyframe but decoded after it (open GOP): it may refer to frames
                // before the keyframe, which were dropped.
                throw new FrameNumbers.Uncountable("frame " + pts + " precedes keyframe " + restartedAt);
            }
            video.sendHeld(this);
            numbers.mustOutput(pts);
            video.send(false, this);
        }

        @Override
        public void accept(AVFrame frame) throws HashingException {
            int n = skipping ? numbers.output(frame.pts()) : decoded;
            decoded++;
            if (n % frameMod == 0) {
                int width = options.scaleWidth() > 0 ? options.scaleWidth() : frame.width();
                int height = options.scaleHeight() > 0 ? options.scaleHeight() : frame.height();
                if (rgb.length < 3 * width * height) {
                    rgb = new byte[3 * width * height];
                }
                video.rgb(frame, width, height, rgb);
                PdqResult result = pdq.hash(PdqInput.ofRgb(rgb, width, height));
                hashes.add(new VpdqFrame(n, result.quality(), result.hash(), n / frameRate));
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The hash or its error is what the caller needs; a stray temp file is left to the OS.
        }
    }
}
