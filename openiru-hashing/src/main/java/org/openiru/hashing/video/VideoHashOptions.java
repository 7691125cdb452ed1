package org.openiru.hashing.video;

/**
 * How {@link VideoHasher} samples a video and what it refuses.
 *
 * @param secondsPerHash hash one frame every this many seconds (Meta's rule: every
 *     {@code floor(secondsPerHash * frameRate)}-th decoded frame); 0 hashes every frame
 * @param scaleWidth width frames are scaled to before hashing, 0 for the video's own
 * @param scaleHeight height frames are scaled to before hashing, 0 for the video's own
 * @param maxPixels frames larger than this are refused before any is decoded
 * @param maxSeconds videos longer than this (declared or found while decoding) are refused
 */
public record VideoHashOptions(double secondsPerHash, int scaleWidth, int scaleHeight, long maxPixels,
        double maxSeconds) {

    /** 8K UHD is about 33 million pixels; anything beyond is more likely a bomb than a video. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /** Four hours: longer uploads are rare enough to be handled on purpose, not by default. */
    public static final double DEFAULT_MAX_SECONDS = 4 * 3600;

    public VideoHashOptions {
        if (!(secondsPerHash >= 0) || Double.isInfinite(secondsPerHash)) {
            throw new IllegalArgumentException("secondsPerHash must be 0 or more: " + secondsPerHash);
        }
        if (scaleWidth < 0 || scaleHeight < 0) {
            throw new IllegalArgumentException("scale " + scaleWidth + "x" + scaleHeight + " is negative");
        }
        if (maxPixels < 1 || !(maxSeconds > 0)) {
            throw new IllegalArgumentException("limits must be positive: " + maxPixels + " pixels, "
                    + maxSeconds + " s");
        }
    }

    /** One frame per second at the video's resolution, as Meta's Python binding defaults to. */
    public static VideoHashOptions defaults() {
        return new VideoHashOptions(1, 0, 0, DEFAULT_MAX_PIXELS, DEFAULT_MAX_SECONDS);
    }

    public VideoHashOptions everyFrame() {
        return everySeconds(0);
    }

    public VideoHashOptions everySeconds(double seconds) {
        return new VideoHashOptions(seconds, scaleWidth, scaleHeight, maxPixels, maxSeconds);
    }

    public VideoHashOptions scaledTo(int width, int height) {
        return new VideoHashOptions(secondsPerHash, width, height, maxPixels, maxSeconds);
    }

    public VideoHashOptions limitedTo(long pixels, double seconds) {
        return new VideoHashOptions(secondsPerHash, scaleWidth, scaleHeight, pixels, seconds);
    }
}
