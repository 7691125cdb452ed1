package org.openiru.hashing.video;

import java.util.Objects;
import org.openiru.hashing.Hash256;

/**
 * One hashed video frame: its number in decoding order (from 0), PDQ quality 0..100, PDQ hash, and
 * its time in seconds ({@code frameNumber / frameRate}, as Meta's vPDQ computes it).
 */
public record VpdqFrame(int frameNumber, int quality, Hash256 hash, double timestampSeconds) {

    public VpdqFrame {
        Objects.requireNonNull(hash, "hash");
        if (frameNumber < 0) {
            throw new IllegalArgumentException("frame number " + frameNumber + " is negative");
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality " + quality + " is outside 0..100");
        }
        if (!(timestampSeconds >= 0)) {
            throw new IllegalArgumentException("timestamp " + timestampSeconds + " is not a time");
        }
    }
}
