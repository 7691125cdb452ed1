package org.openiru.hashing.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.HashingException;

/**
 * Reads the text format Meta's vpdq tools write: one frame per line,
 * {@code frame_number,quality,pdq_hex,timestamp_seconds}. Blank lines are skipped; anything else
 * that does not parse fails with the line number.
 */
public final class VpdqHashFile {

    private VpdqHashFile() {}

    public static List<VpdqFrame> read(Path file) throws HashingException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new HashingException(file.toString(), "no such file", e);
        } catch (IOException e) {
            throw new HashingException(file.toString(), "cannot read file: " + e, e);
        }
    }

    /** Reads to the end without closing; {@code source} labels errors. */
    public static List<VpdqFrame> read(Reader in, String source) throws IOException, HashingException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<VpdqFrame> frames = new ArrayList<>();
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                frames.add(parse(line.strip()));
            } catch (IllegalArgumentException e) {
                throw new HashingException(source, "line " + number + ": " + e.getMessage(), e);
            }
        }
        return frames;
    }

    private static VpdqFrame parse(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 4) {
            throw new IllegalArgumentException("expected frame_number,quality,pdq_hex,timestamp_seconds but found "
                    + cells.length + " fields");
        }
        return new VpdqFrame(integer("frame number", cells[0]), integer("quality", cells[1]),
                Hash256.fromHex(cells[2]), seconds(cells[3]));
    }

    private static int integer(String what, String cell) {
        try {
            return Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + cell + "' is not a whole number");
        }
    }

    private static double seconds(String cell) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp '" + cell + "' is not a number");
        }
    }
}
