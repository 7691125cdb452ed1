package org.openiru.hashing.video;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openiru.hashing.Hash256;

/**
 * Brute-force vPDQ matching as Meta defines it (python-threatexchange's vpdq signal): drop frames of
 * low quality and frames whose hash already occurred, then count the query frames that have a
 * target frame within the distance, and the other way round. Two videos match when both
 * percentages reach their thresholds. Frame order and timing play no part, so a clip matches the
 * video it was cut from (by the query share). Thread-safe.
 */
public final class VpdqMatcher {

    public static final int DEFAULT_DISTANCE = 31;
    public static final int DEFAULT_MIN_QUALITY = 50;
    /** Meta's defaults: 80 % of the query must be found; the target share is not constrained. */
    public static final double DEFAULT_QUERY_PERCENT = 80;
    public static final double DEFAULT_TARGET_PERCENT = 0;

    private final int distance;
    private final int minQuality;
    private final double queryPercent;
    private final double targetPercent;

    public VpdqMatcher() {
        this(DEFAULT_DISTANCE, DEFAULT_MIN_QUALITY, DEFAULT_QUERY_PERCENT, DEFAULT_TARGET_PERCENT);
    }

    public VpdqMatcher(int distance, int minQuality, double queryPercent, double targetPercent) {
        if (distance < 0 || distance > Hash256.BITS) {
            throw new IllegalArgumentException("distance " + distance + " is outside 0.." + Hash256.BITS);
        }
        if (!inPercentRange(queryPercent) || !inPercentRange(targetPercent)) {
            throw new IllegalArgumentException("thresholds must be 0..100 %: " + queryPercent + ", " + targetPercent);
        }
        this.distance = distance;
        this.minQuality = minQuality;
        this.queryPercent = queryPercent;
        this.targetPercent = targetPercent;
    }

    public VpdqMatch match(List<VpdqFrame> query, List<VpdqFrame> target) {
        List<Hash256> q = hashes(uniqueFrames(query, minQuality));
        List<Hash256> t = hashes(uniqueFrames(target, minQuality));
        if (q.isEmpty() || t.isEmpty()) {
            // Nothing hashable on one side: no evidence either way, so no match (as Meta's C++ does).
            return new VpdqMatch(0, 0, false);
        }
        double qShare = percentFound(q, t);
        double tShare = percentFound(t, q);
        return new VpdqMatch(qShare, tShare, qShare >= queryPercent && tShare >= targetPercent);
    }

    /**
     * What is worth storing and comparing of a video: frames of at least {@code minQuality}, and of
     * frames with equal hashes only the first (anywhere in the video, not only consecutive ones; no
     * near-duplicates are collapsed, as Meta's vpdq does not either). Frame order is kept.
     */
    public static List<VpdqFrame> uniqueFrames(List<VpdqFrame> frames, int minQuality) {
        Set<Hash256> seen = new HashSet<>();
        List<VpdqFrame> unique = new ArrayList<>();
        for (VpdqFrame f : frames) {
            if (f.quality() >= minQuality && seen.add(f.hash())) {
                unique.add(f);
            }
        }
        return unique;
    }

    private static List<Hash256> hashes(List<VpdqFrame> frames) {
        return frames.stream().map(VpdqFrame::hash).toList();
    }

    private double percentFound(List<Hash256> needles, List<Hash256> haystack) {
        int found = 0;
        for (Hash256 n : needles) {
            for (Hash256 h : haystack) {
                if (n.distance(h) <= distance) {
                    found++;
                    break;
                }
            }
        }
        return 100.0 * found / needles.size();
    }

    private static boolean inPercentRange(double p) {
        return p >= 0 && p <= 100;
    }
}
