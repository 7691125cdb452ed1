package org.openiru.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openiru.hashing.HashingException;
import org.openiru.hashing.ImageRejectedException;

class VideoHasherTest {

    static final List<String> VIDEOS = VideoData.VIDEOS;

    @TempDir
    Path temp;

    @Test
    void oneFramePerSecondTakesEveryFrameRateThFrame() throws Exception {
        List<VpdqFrame> all = VideoData.everyFrame("pattern-sd-grey-bar");
        List<VpdqFrame> sampled = new VideoHasher(VideoHashOptions.defaults()).hash(VideoData.video("pattern-sd-grey-bar"));

        // 30 frames/s: frames 0, 30, 60 ... with the same hashes as when every frame is hashed.
        assertThat(sampled).extracting(VpdqFrame::frameNumber).containsExactly(0, 30, 60, 90, 120, 150, 180);
        assertThat(sampled).allSatisfy(f -> assertThat(f).isEqualTo(all.get(f.frameNumber())));
    }

    /**
     * Sampling decodes only the frames the sampled ones depend on (see {@code VideoHasher.decode}); the
     * frames it picks and their hashes must be those of a full decode.
     */
    @ParameterizedTest
    @FieldSource("VIDEOS")
    void sampledFramesAreTheFullDecodesFramesOfTheSameNumbers(String name) throws Exception {
        List<VpdqFrame> all = VideoData.everyFrame(name);
        for (double seconds : new double[] {1, 0.5, 3}) {
            int frameMod = (int) (seconds * 30); // all six videos are at 30 frames/s
            List<VpdqFrame> sampled = new VideoHasher(VideoHashOptions.defaults().everySeconds(seconds))
                    .hash(VideoData.video(name));
            assertThat(sampled).as("every %s s", seconds)
                    .isEqualTo(all.stream().filter(f -> f.frameNumber() % frameMod == 0).toList());
        }
    }

    /**
     * Frames that do not follow the frame rate (0.8 of a frame late from frame 45 on): timestamps
     * then point at the wrong frames (frame 58 looks like 59 and is skipped), and the video must be
     * decoded again in full, giving the frames Meta's count picks.
     */
    @Test
    void variableFrameRateVideoGetsTheSameFramesAsAFullDecode() throws Exception {
        Path video = VariableFrameRate.copy(VideoData.video("pattern-sd-grey-bar"), temp.resolve("vfr.mp4"),
                45 * 512, 400);
        List<VpdqFrame> all = new VideoHasher(VideoHashOptions.defaults().everyFrame()).hash(video);
        List<VpdqFrame> sampled = new VideoHasher(VideoHashOptions.defaults()).hash(video);

        // 206 frames over 6.9 s: 29.9 frames/s on average, so every 29th frame.
        assertThat(sampled).extracting(VpdqFrame::frameNumber).containsExactly(0, 29, 58, 87, 116, 145, 174, 203);
        assertThat(sampled).allSatisfy(f -> assertThat(f).isEqualTo(all.get(f.frameNumber())));
    }

    @Test
    void hashesAStreamLikeTheFile() throws Exception {
        String name = "test-padded-dimensions";
        try (InputStream in = Files.newInputStream(VideoData.video(name))) {
            assertThat(new VideoHasher(VideoHashOptions.defaults().everyFrame()).hash(in, "upload.mp4"))
                    .isEqualTo(VideoData.everyFrame(name));
        }
    }

    @Test
    void refusesWhatFfmpegCannotOpen() throws Exception {
        Path notVideo = Files.writeString(temp.resolve("notes.mp4"), "this is text, not a video\n".repeat(100));
        assertRefused(notVideo, HashingException.class, notVideo + ": not a video FFmpeg can open");
        Path empty = Files.createFile(temp.resolve("empty.mp4"));
        assertRefused(empty, HashingException.class, empty + ": empty file (0 bytes)");
        Path missing = temp.resolve("missing.mp4");
        assertRefused(missing, HashingException.class, missing + ": no such file");
    }

    @Test
    void refusesATruncatedVideo() throws Exception {
        byte[] video = Files.readAllBytes(VideoData.video("doorknob-hd-no-bar"));
        Path cut = Files.write(temp.resolve("cut.mp4"), java.util.Arrays.copyOf(video, 20_000));
        assertRefused(cut, HashingException.class, cut + ": ");
    }

    @Test
    void refusesFramesAboveThePixelLimit() {
        Path video = VideoData.video("doorknob-hd-no-bar");
        assertRefused(video, ImageRejectedException.class, video + ": frames are 1280x720, more than the limit of "
                + "100000 pixels", VideoHashOptions.defaults().limitedTo(100_000, 3600));
    }

    @Test
    void refusesVideosAboveTheDurationLimit() {
        Path video = VideoData.video("doorknob-hd-no-bar");
        assertRefused(video, ImageRejectedException.class, video + ": longer than the limit of 2 s",
                VideoHashOptions.defaults().limitedTo(VideoHashOptions.DEFAULT_MAX_PIXELS, 2));
    }

    private static void assertRefused(Path file, Class<? extends HashingException> type, String messageStart) {
        assertRefused(file, type, messageStart, VideoHashOptions.defaults());
    }

    private static void assertRefused(Path file, Class<? extends HashingException> type, String messageStart,
            VideoHashOptions options) {
        assertThatThrownBy(() -> new VideoHasher(options).hash(file)).isInstanceOf(type).hasMessageStartingWith(messageStart);
    }
}
