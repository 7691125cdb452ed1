package org.openiru.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.hashing.Hash256;

class VpdqMatcherTest {

    /**
     * Versions of one clip that vPDQ can match: the same letterbox bars. PDQ does not survive adding
     * or removing bars, or a large logo, so Meta's reference set holds separate families, e.g. the
     * no-bar chair versions match each other but none of these (checked in the reference data).
     */
    private static final List<String> CHAIRS_WITH_BARS = List.of("chair-19-sd-bar", "chair-20-sd-bar",
            "chair-22-sd-grey-bar", "chair-22-sd-sepia-bar", "chair-22-with-small-logo-bar", "chair-orig-22-sd-bar");
    private static final List<String> CHAIRS_WITHOUT_BARS = List.of("chair-orig-22-fhd-no-bar",
            "chair-orig-22-hd-no-bar");
    private static final List<String> PATTERNS_WITH_BARS = List.of("pattern-sd-grey-bar",
            "pattern-sd-with-small-logo-bar");
    private static final List<String> PATTERNS_WITHOUT_BARS = List.of("pattern-hd-no-bar", "pattern-longer-no-bar");
    private static final List<String> DOORKNOB = List.of("doorknob-hd-no-bar");
    /** Our videos, each in the family above it belongs to. */
    private static final List<String> OUR_CHAIRS = List.of("chair-19-sd-bar", "chair-22-sd-grey-bar",
            "chair-22-with-small-logo-bar");

    private final VpdqMatcher matcher = new VpdqMatcher();

    @Test
    void referenceHashesMatchWithinEachFamilyAndNeverAcross() throws Exception {
        List<List<String>> families = List.of(CHAIRS_WITH_BARS, CHAIRS_WITHOUT_BARS, PATTERNS_WITH_BARS,
                PATTERNS_WITHOUT_BARS, DOORKNOB);
        for (List<String> family : families) {
            for (List<String> other : families) {
                for (String a : family) {
                    for (String b : other) {
                        assertMatch(a, b, VideoData.reference(a), VideoData.reference(b), family == other);
                    }
                }
            }
        }
    }

    @Test
    void ourHashesMatchTheirFamilyAndNeverAnotherVideo() throws Exception {
        for (String chair : OUR_CHAIRS) {
            List<VpdqFrame> ours = VideoData.everyFrame(chair);
            for (String other : OUR_CHAIRS) {
                assertMatch(chair, other, ours, VideoData.everyFrame(other), true);
            }
            for (String reference : CHAIRS_WITH_BARS) {
                assertMatch(chair, reference + " (reference)", ours, VideoData.reference(reference), true);
            }
            for (String other : List.of("pattern-sd-grey-bar", "doorknob-hd-no-bar")) {
                assertMatch(chair, other, ours, VideoData.everyFrame(other), false);
                assertMatch(other, chair, VideoData.everyFrame(other), ours, false);
            }
        }
        assertMatch("pattern-sd-grey-bar", "pattern-sd-with-small-logo-bar (reference)",
                VideoData.everyFrame("pattern-sd-grey-bar"), VideoData.reference("pattern-sd-with-small-logo-bar"), true);
    }

    private void assertMatch(String query, String target, List<VpdqFrame> q, List<VpdqFrame> t, boolean expected) {
        VpdqMatch m = matcher.match(q, t);
        System.out.printf("vpdq match %s -> %s: query %.1f %%, target %.1f %%, %s%n", query, target,
                m.queryMatchPercent(), m.targetMatchPercent(), m.matched());
        assertThat(m.matched()).as(query + " -> " + target + ": " + m).isEqualTo(expected);
    }

    @Test
    void lowQualityAndRepeatedFramesAreIgnored() {
        Hash256 a = Hash256.ofWords(0, 0, 0, 0);
        Hash256 b = Hash256.ofWords(-1, -1, -1, -1);
        List<VpdqFrame> query = List.of(frame(0, 100, a), frame(1, 100, a), frame(2, 10, b));
        List<VpdqFrame> target = List.of(frame(0, 90, a), frame(1, 90, b));

        assertThat(VpdqMatcher.uniqueFrames(query, 50)).containsExactly(query.get(0));
        assertThat(matcher.match(query, target)).isEqualTo(new VpdqMatch(100, 50, true));
        assertThat(new VpdqMatcher(31, 50, 80, 60).match(query, target).matched()).isFalse();
    }

    @Test
    void distanceIsInclusive() {
        Hash256 a = Hash256.ofWords(0, 0, 0, 0);
        Hash256 at31 = Hash256.ofWords(0x7FFF_FFFFL, 0, 0, 0);
        Hash256 at32 = Hash256.ofWords(0xFFFF_FFFFL, 0, 0, 0);
        assertThat(matcher.match(List.of(frame(0, 100, a)), List.of(frame(0, 100, at31))).matched()).isTrue();
        assertThat(matcher.match(List.of(frame(0, 100, a)), List.of(frame(0, 100, at32))).matched()).isFalse();
    }

    @Test
    void nothingOfGoodQualityMatchesNothing() {
        List<VpdqFrame> flat = List.of(frame(0, 0, Hash256.ofWords(0, 0, 0, 0)));
        assertThat(matcher.match(flat, flat)).isEqualTo(new VpdqMatch(0, 0, false));
    }

    @Test
    void refusesThresholdsOutsideTheirRange() {
        assertThatThrownBy(() -> new VpdqMatcher(31, 50, 101, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VpdqMatcher(-1, 50, 80, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static VpdqFrame frame(int n, int quality, Hash256 hash) {
        return new VpdqFrame(n, quality, hash, n / 30.0);
    }
}
