package org.openiru.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves a file name taken from an export against the export's directory. Exports are hostile input: a
 * name like {@code ../../etc/passwd}, an absolute path, or a symbolic link pointing outside would let an
 * import read any file on the server into evidence. Every such name is refused with a message saying why.
 */
public final class SafePaths {
    private SafePaths() {
    }

    /** The file inside {@code base} that {@code name} denotes; refuses names that could leave it. */
    public static Path resolveInside(Path base, String name) {
        if (name.isEmpty()) {
            throw refused(name, "the name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw refused(name, "it contains a control character (code " + (int) c + ") at position " + i);
            }
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            throw refused(name, "it is an absolute path");
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw refused(name, "it leads out of the export directory (..)");
            }
        }
        Path root = base.toAbsolutePath().normalize();
        Path resolved;
        try {
            resolved = root.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw refused(name, "it is not a valid path: " + e.getReason());
        }
        if (!resolved.startsWith(root)) {
            throw refused(name, "it leads out of the export directory");
        }
        if (Files.exists(resolved)) {
            try {
                // a symbolic link inside the export may still point outside it
                if (!resolved.toRealPath().startsWith(root.toRealPath())) {
                    throw refused(name, "it is a link to a place outside the export directory");
                }
            } catch (IOException e) {
                throw refused(name, "it cannot be resolved: " + e.getMessage());
            }
        }
        return resolved;
    }

    private static EvidenceException refused(String name, String why) {
        return new EvidenceException("unsafe_file_name", "File name " + printable(name) + " refused: " + why);
    }

    /** The name with control characters shown as {@code \\uXXXX}, so error messages stay one clean line. */
    public static String printable(String name) {
        StringBuilder b = new StringBuilder("\"");
        name.codePoints().limit(300).forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }
}
