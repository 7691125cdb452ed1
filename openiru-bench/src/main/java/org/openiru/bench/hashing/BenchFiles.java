package org.openiru.bench.hashing;

import java.nio.file.Path;

/**
 * Where the benchmarks find the shared reference data: images in {@code -Dopeniru.pdqData=...}, else
 * ../shared/data/pdq; videos in {@code -Dopeniru.vpdqData=...}, else ../shared/data/vpdq.
 */
final class BenchFiles {

    private BenchFiles() {}

    static Path pdq(String relative) {
        return Path.of(System.getProperty("openiru.pdqData", "../shared/data/pdq")).resolve(relative);
    }

    static Path vpdq(String relative) {
        return Path.of(System.getProperty("openiru.vpdqData", "../shared/data/vpdq")).resolve(relative);
    }
}
