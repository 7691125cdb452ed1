package org.openiru.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.hashing.ReferenceData;
import org.openiru.hashing.ReferenceData.Expected;

/**
 * Against the C++ reference ({@code expected/cpp_reference_pdq_sql_readme.csv}): the PDQ authors'
 * bar for photos of quality at least 80 decoded by another library is Hamming distance 10 or less.
 */
class CppReferenceConformanceTest {

    private static final int MIN_QUALITY = 80;
    private static final int MAX_DISTANCE = 10;

    @Test
    void photosOfGoodQualityAreWithinTenBitsOfTheCppReference() throws Exception {
        IntSummaryStatistics stats = distances(new PdqImageHasher());
        assertThat(stats.getCount()).isGreaterThanOrEqualTo(15);
        assertThat(stats.getMax()).isLessThanOrEqualTo(MAX_DISTANCE);
    }

    private static IntSummaryStatistics distances(PdqImageHasher hasher) throws Exception {
        IntSummaryStatistics stats = new IntSummaryStatistics();
        List<String> lines = new ArrayList<>();
        for (Expected e : ReferenceData.expected("cpp_reference_pdq_sql_readme.csv")) {
            PdqResult ours = hasher.hash(e.file());
            int distance = ours.hash().distance(e.hash());
            lines.add(String.format("  %-28s quality %3d distance %2d%s", e.file().getFileName(),
                    ours.quality(), distance, ours.quality() < MIN_QUALITY ? " (not counted)" : ""));
            if (ours.quality() >= MIN_QUALITY) {
                stats.accept(distance);
            }
        }
        System.out.printf("PDQ vs C++ reference: %d images of quality >= %d, max distance %d,"
                        + " mean %.2f%n%s%n", stats.getCount(), MIN_QUALITY, stats.getMax(),
                stats.getAverage(), String.join("\n", lines));
        return stats;
    }
}
