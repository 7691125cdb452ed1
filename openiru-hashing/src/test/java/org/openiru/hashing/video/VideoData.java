package org.openiru.hashing.video;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openiru.hashing.HashingException;
import org.openiru.hashing.ReferenceData;

/**
 * Meta's vpdq sample videos and reference hashes beside the project ({@code ../shared/data/vpdq}),
 * and our every-frame hashes of them, computed once per test run because decoding is the slow part.
 */
final class VideoData {

    static final List<String> VIDEOS = List.of("chair-19-sd-bar", "chair-22-sd-grey-bar",
            "chair-22-with-small-logo-bar", "doorknob-hd-no-bar", "pattern-sd-grey-bar", "test-padded-dimensions");

    private static final Map<String, List<VpdqFrame>> OURS = new ConcurrentHashMap<>();

    private VideoData() {}

    static Path dir() {
        return ReferenceData.pdqDir().resolveSibling("vpdq");
    }

    static Path video(String name) {
        return dir().resolve("videos/" + name + ".mp4");
    }

    static List<VpdqFrame> reference(String name) throws HashingException {
        return VpdqHashFile.read(dir().resolve("hashes/" + name + ".txt"));
    }

    static synchronized List<VpdqFrame> everyFrame(String name) throws HashingException {
        List<VpdqFrame> frames = OURS.get(name);
        if (frames == null) {
            frames = new VideoHasher(VideoHashOptions.defaults().everyFrame()).hash(video(name));
            OURS.put(name, frames);
        }
        return frames;
    }
}
