package org.openiru.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openiru.app.Json;
import org.openiru.hashing.HashingException;
import org.openiru.signals.MediaHasher;
import org.openiru.signals.MediaHashes;
import org.openiru.signals.VideoHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Hashes image files; needs no database. A bad file is reported and the batch goes on. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = "PDQ (with quality), MD5 and SHA-256 of images; vPDQ frames (one per second), MD5 and "
                + "SHA-256 of videos; exit code 1 if any file failed.")
class HashCommand implements Callable<Integer> {
    @Option(names = "--json", description = "One JSON object per file and line (file, type, pdq, quality, md5, sha256; "
            + "for videos vpdq_frames instead of pdq; or file and error).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files (JPEG, PNG, GIF, BMP, TIFF, WebP) and videos (MP4, WebM).")
    List<Path> files;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MediaHasher hasher = new MediaHasher();
        int failed = 0;
        for (Path file : files) {
            try {
                if (MediaHasher.isVideo(file)) {
                    VideoHashes v = hasher.hashVideo(file);
                    out.println(json ? Json.write(v) : String.join("  ", "vpdq:" + v.vpdqFrames().size() + "-frames",
                            v.md5(), v.sha256(), v.file()));
                } else {
                    MediaHashes h = hasher.hash(file);
                    out.println(json ? Json.write(h) : String.join("  ", h.pdq(), Integer.toString(h.quality()),
                            h.md5(), h.sha256(), h.file()));
                }
            } catch (HashingException e) {
                failed++;
                if (json) {
                    Map<String, String> error = new LinkedHashMap<>();
                    error.put("file", file.toString());
                    error.put("error", e.getMessage());
                    out.println(Json.write(error));
                } else {
                    err.println("openiru: " + e.getMessage());
                }
            }
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }
}
