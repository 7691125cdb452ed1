package org.openiru.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.ReferenceData;
import org.openiru.hashing.ReferenceData.Expected;

/**
 * The eight orientations computed from the DCT of {@code bridge-1-original.jpg} against the C++
 * reference's hashes of the actually rotated and flipped files (the same CSV lists all eight), and
 * against our own hashes of those files.
 */
class DihedralTest {

    private static final Map<Dihedral, String> FILES = Map.of(
            Dihedral.ORIGINAL, "bridge-1-original.jpg",
            Dihedral.ROTATE_90, "bridge-2-rotate-90.jpg",
            Dihedral.ROTATE_180, "bridge-3-rotate-180.jpg",
            Dihedral.ROTATE_270, "bridge-4-rotate-270.jpg",
            Dihedral.FLIP_X, "bridge-5-flipx.jpg",
            Dihedral.FLIP_Y, "bridge-6-flipy.jpg",
            Dihedral.FLIP_PLUS_1, "bridge-7-flip-plus-1.jpg",
            Dihedral.FLIP_MINUS_1, "bridge-8-flip-minus-1.jpg");

    @Test
    void dihedralHashesMatchTheHashesOfRotatedFiles() throws Exception {
        PdqImageHasher hasher = new PdqImageHasher();
        DihedralHashes hashes = hasher.hashDihedral(ReferenceData.pdq("reg-test-input/dih/bridge-1-original.jpg"));
        assertThat(hashes.original()).isEqualTo(hasher.hash(ReferenceData.pdq("reg-test-input/dih/bridge-1-original.jpg")));
        StringBuilder report = new StringBuilder("PDQ dihedral hashes of bridge-1-original.jpg:\n");
        for (Dihedral d : Dihedral.values()) {
            Expected reference = cppReference(FILES.get(d));
            Hash256 ours = hashes.get(d);
            int toCpp = ours.distance(reference.hash());
            int toOurs = ours.distance(hasher.hash(reference.file()).hash());
            report.append(String.format("  %-12s vs C++ hash of %-26s %2d bits, vs our hash of it %2d bits%n",
                    d, FILES.get(d), toCpp, toOurs));
            assertThat(toCpp).as(d.name()).isLessThanOrEqualTo(10);
            assertThat(toOurs).as(d.name()).isLessThanOrEqualTo(10);
        }
        System.out.print(report);
    }

    @Test
    void orientationsAreFarApart() throws Exception {
        DihedralHashes hashes = new PdqImageHasher()
                .hashDihedral(ReferenceData.pdq("reg-test-input/dih/bridge-1-original.jpg"));
        assertThat(hashes.all()).doesNotHaveDuplicates();
        assertThat(hashes.get(Dihedral.ORIGINAL).distance(hashes.get(Dihedral.ROTATE_90))).isGreaterThan(64);
    }

    private static Expected cppReference(String fileName) {
        return ReferenceData.expected("cpp_reference_pdq_sql_readme.csv").stream()
                .filter(e -> e.file().getFileName().toString().equals(fileName))
                .findFirst().orElseThrow();
    }
}
