package org.openiru.hashing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The shared reference data beside the project: {@code <projectRoot>/../shared/data/pdq}. */
public final class ReferenceData {

    private ReferenceData() {}

    public static Path pdqDir() {
        String root = System.getProperty("openiru.projectRoot");
        Path base = root == null ? Path.of("").toAbsolutePath() : Path.of(root);
        return base.resolve("../shared/data/pdq").normalize();
    }

    public static Path pdq(String relative) {
        return pdqDir().resolve(relative);
    }

    /** Non-blank lines of a reference text file. */
    public static List<String> lines(String relative) {
        try {
            return Files.readAllLines(pdq(relative)).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of an {@code expected/*.csv}: the image (resolved locally), hash and quality if given. */
    public record Expected(String quotedPath, Path file, Hash256 hash, Integer quality) {}

    /**
     * Rows of an expected CSV. Paths are as quoted in the upstream repository ({@code pdq/data/...} or
     * python-threatexchange's test resources); they are mapped to the local copies.
     */
    public static List<Expected> expected(String csv) {
        List<String> lines = lines("expected/" + csv);
        List<String> header = List.of(lines.get(0).split(","));
        int hashColumn = header.indexOf("pdq_hex");
        int qualityColumn = header.indexOf("quality");
        return lines.stream().skip(1).map(line -> {
            String[] cells = line.split(",", -1);
            String quoted = cells[0];
            return new Expected(quoted, pdq(localPath(quoted)), Hash256.fromHex(cells[hashColumn]),
                    qualityColumn < 0 ? null : Integer.valueOf(cells[qualityColumn]));
        }).collect(Collectors.toList());
    }

    private static String localPath(String quoted) {
        if (quoted.startsWith("pdq/data/")) {
            return quoted.substring("pdq/data/".length());
        }
        return "pytx/" + quoted.substring(quoted.lastIndexOf('/') + 1);
    }
}
