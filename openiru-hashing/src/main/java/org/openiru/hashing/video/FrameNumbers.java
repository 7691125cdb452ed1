package org.openiru.hashing.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.util.Map;
import java.util.TreeMap;

/**
 * Meta's vpdq numbers frames by counting what the decoder outputs (the n-th frame out is frame n).
 * When the decoder is allowed to leave frames out, this gives each frame that number all the same:
 * the count of frames, left out or not, with an earlier timestamp. That needs a timestamp on every
 * packet, one frame per packet, and frames out in timestamp order; when a video breaks one of these,
 * or a frame that was to be hashed was left out, it throws {@link Uncountable} and the video is
 * decoded again without leaving anything out. (Unchecked: it passes through the decoder's callbacks
 * and {@link VideoHasher} always catches it.)
 */
final class FrameNumbers {

    /** This video cannot be sampled by timestamp; decode every frame instead. */
    static final class Uncountable extends RuntimeException {
        Uncountable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final int frameMod;
    /** Timestamps read and not yet numbered, each with whether the decoder was told to output it. */
    private final TreeMap<Long, Boolean> pending = new TreeMap<>();
    private long lastOut = Long.MIN_VALUE;
    private int next;

    FrameNumbers(int frameMod) {
        this.frameMod = frameMod;
    }

    /** A packet of the stream was read (decoded or not). */
    void read(long pts) {
        if (pts == AV_NOPTS_VALUE || pts <= lastOut || pending.containsKey(pts)) {
            throw new Uncountable("packet timestamp missing, repeated or behind frames already out: " + pts);
        }
        pending.put(pts, false);
    }

    /** That packet's frame must come out of the decoder (it was sent with nothing to skip). */
    void mustOutput(long pts) {
        pending.replace(pts, true);
    }

    /** The number of a frame the decoder output. */
    int output(long pts) {
        leftOutBefore(pts);
        if (pending.remove(pts) == null) {
            throw new Uncountable("frame out of order or without a packet: " + pts);
        }
        lastOut = pts;
        return next++;
    }

    /** The stream ended: whatever did not come out was left out. */
    void end() {
        leftOutBefore(Long.MAX_VALUE);
    }

    private void leftOutBefore(long pts) {
        while (!pending.isEmpty() && pending.firstKey() < pts) {
            Map.Entry<Long, Boolean> left = pending.pollFirstEntry();
            if (left.getValue() || next % frameMod == 0) {
                throw new Uncountable("frame " + next + " (timestamp " + left.getKey() + ") was needed but not decoded");
            }
            next++;
        }
    }
}
