package org.openiru.hashing.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.openiru.hashing.HashingException;
import org.openiru.hashing.ImageRejectedException;
import org.openiru.hashing.pdq.PdqHasher;
import org.openiru.hashing.pdq.PdqInput;
import org.openiru.hashing.pdq.PdqResult;

/**
 * vPDQ: decodes a video with FFmpeg and PDQ-hashes frames, the way Meta's vpdq does: the first video
 * stream, every frame decoded in order and numbered from 0, frame {@code n} hashed when
 * {@code n % floor(secondsPerHash * frameRate) == 0}, converted to RGB24 with swscale's area filter
 * (at the video's size unless scaling is asked for), timestamp {@code n / frameRate}.
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
        VideoHeader header = VideoHeader.read(file, name);
        checkSize(header.width(), header.height(), name);
        checkLength(header.seconds(), name);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            configure(grabber);
            grabber.start();
            // Headers of raw streams may not give the size; the decoder knows it now.
            checkSize(grabber.getImageWidth(), grabber.getImageHeight(), name);
            return frames(grabber, frameRate(grabber, name), name);
        } catch (FrameGrabber.Exception e) {
            throw new HashingException(name, "FFmpeg cannot decode it: " + e.getMessage(), e);
        }
    }

    private void configure(FFmpegFrameGrabber grabber) {
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        grabber.setImageScalingFlags(swscale.SWS_AREA);
        if (options.scaleWidth() > 0) {
            grabber.setImageWidth(options.scaleWidth());
        }
        if (options.scaleHeight() > 0) {
            grabber.setImageHeight(options.scaleHeight());
        }
        // One decoding thread: a server hashes many videos at once, one hasher per thread, so extra
        // decoder threads would only compete for the same cores and add frame buffers.
        grabber.setVideoOption("threads", "1");
        // A backstop for headers that do not declare the size: the decoder refuses larger frames.
        grabber.setVideoOption("max_pixels", Long.toString(Math.min(options.maxPixels(), Integer.MAX_VALUE)));
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

    private static double frameRate(FFmpegFrameGrabber grabber, String name) throws HashingException {
        double frameRate = grabber.getVideoFrameRate();
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            throw new HashingException(name, "no usable frame rate (" + frameRate + ")");
        }
        return frameRate;
    }

    private List<VpdqFrame> frames(FFmpegFrameGrabber grabber, double frameRate, String name)
            throws FrameGrabber.Exception, HashingException {
        // Meta's rule, including the truncation and the floor of 1 (0 seconds: every frame).
        int frameMod = Math.max(1, (int) (options.secondsPerHash() * frameRate));
        int maxFrames = (int) Math.min(Integer.MAX_VALUE, Math.ceil(options.maxSeconds() * frameRate));
        List<VpdqFrame> frames = new ArrayList<>();
        for (int n = 0; ; n++) {
            boolean wanted = n % frameMod == 0;
            // Only frames to be hashed are converted to RGB; the others are decoded and dropped.
            Frame frame = grabber.grabFrame(false, true, wanted, false, false);
            if (frame == null) {
                if (n == 0) {
                    throw new HashingException(name, "no video frame could be decoded");
                }
                return frames;
            }
            if (n >= maxFrames) {
                throw new ImageRejectedException(name, tooLong(n / frameRate));
            }
            if (wanted) {
                PdqResult result = pdq.hash(rgbInput(frame));
                frames.add(new VpdqFrame(n, result.quality(), result.hash(), n / frameRate));
            }
        }
    }

    private String tooLong(double seconds) {
        return String.format("longer than the limit of %.0f s (%.0f s or more)", options.maxSeconds(), seconds);
    }

    /** Copies the frame's rows, which FFmpeg may pad, into one packed RGB array. */
    private PdqInput rgbInput(Frame frame) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        int rowBytes = 3 * width;
        if (rgb.length < rowBytes * height) {
            rgb = new byte[rowBytes * height];
        }
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int y = 0; y < height; y++) {
            pixels.get(y * frame.imageStride, rgb, y * rowBytes, rowBytes);
        }
        return PdqInput.ofRgb(rgb, width, height);
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
