package org.openiru.testing;

import java.nio.file.Path;

/** The public reference data beside the project, {@code ../shared/data} (read in place, never copied in). */
public final class ReferenceData {
    private ReferenceData() {
    }

    /** A PDQ reference image, e.g. {@code "bridge-mods/aaa-orig.jpg"}. */
    public static Path pdqImage(String relative) {
        String root = System.getProperty("openiru.projectRoot");
        Path base = root == null ? Path.of("").toAbsolutePath().getParent() : Path.of(root);
        return base.resolve("../shared/data/pdq").resolve(relative).normalize();
    }
}
