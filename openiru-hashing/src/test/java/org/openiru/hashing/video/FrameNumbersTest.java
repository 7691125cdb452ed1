package org.openiru.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameNumbersTest {

    /** Timestamps of frames 0..n in the decoding order of an x264 B-pyramid: I0 P4 B2 b1 b3 P8 B6 b5 b7. */
    private static final long[] DECODE_ORDER = {0, 4, 2, 1, 3, 8, 6, 5, 7};

    @Test
    void framesLeftOutStillCountSoTheOthersKeepTheirNumbers() {
        FrameNumbers numbers = new FrameNumbers(4);
        for (long pts : DECODE_ORDER) {
            numbers.read(pts * 512);
        }
        // The decoder skipped the unreferenced b-frames 1, 3, 5 and 7.
        assertThat(numbers.output(0)).isZero();
        assertThat(numbers.output(2 * 512)).isEqualTo(2);
        assertThat(numbers.output(4 * 512)).isEqualTo(4);
        assertThat(numbers.output(6 * 512)).isEqualTo(6);
        assertThat(numbers.output(8 * 512)).isEqualTo(8);
        numbers.end();
    }

    @Test
    void givesUpWhenAFrameToHashIsLeftOut() {
        FrameNumbers numbers = new FrameNumbers(3);
        for (long pts : DECODE_ORDER) {
            numbers.read(pts);
        }
        numbers.output(0);
        numbers.output(2);
        // Frame 3 is to be hashed (3 % 3 == 0) and did not come out.
        assertThatThrownBy(() -> numbers.output(4)).isInstanceOf(FrameNumbers.Uncountable.class)
                .hasMessageContaining("frame 3");
    }

    @Test
    void givesUpWhenAFrameTheDecoderWasToOutputIsMissing() {
        FrameNumbers numbers = new FrameNumbers(10);
        numbers.read(0);
        numbers.read(1);
        numbers.mustOutput(1);
        numbers.output(0);
        assertThatThrownBy(numbers::end).isInstanceOf(FrameNumbers.Uncountable.class);
    }

    @Test
    void givesUpOnFramesOutOfOrderOrTimestampsMissingOrRepeated() {
        FrameNumbers numbers = new FrameNumbers(10);
        numbers.read(0);
        numbers.read(2);
        numbers.read(1);
        numbers.output(0);
        numbers.output(2);
        assertThatThrownBy(() -> numbers.output(1)).isInstanceOf(FrameNumbers.Uncountable.class);
        assertThatThrownBy(() -> numbers.read(2)).isInstanceOf(FrameNumbers.Uncountable.class);
        assertThatThrownBy(() -> numbers.read(org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE))
                .isInstanceOf(FrameNumbers.Uncountable.class);
    }
}
