package org.openiru.signals;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The signals of one video, as {@code openiru hash --json} writes them: the file's hashes and its vPDQ frames. */
public record VideoHashes(String file, String type, String md5, String sha256,
                          @JsonProperty("vpdq_frames") List<Frame> vpdqFrames) {

    /** One hashed frame (Meta's vPDQ line: frame number, quality, PDQ, time in seconds). */
    public record Frame(int frame, int quality, String pdq, double timestamp) {
    }
}
