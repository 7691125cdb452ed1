package org.openiru.bench.hashing;

import java.nio.file.Path;

/** Where the benchmarks find the shared reference images: {@code -Dopeniru.pdqData=...}, else ../shared/data/pdq. */
final class BenchFiles {

    private BenchFiles() {}

    static Path pdq(String relative) {
        return Path.of(System.getProperty("openiru.pdqData", "../shared/data/pdq")).resolve(relative);
    }
}
