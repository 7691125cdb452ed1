package org.openiru.testing;

import java.nio.file.Path;

/** The public reference data beside the project, {@code ../shared/data} (read in place, never copied in). */
public final class ReferenceData {
    private ReferenceData() {
    }

    /** A PDQ reference image, e.g. {@code "bridge-mods/aaa-orig.jpg"}. */
    public static Path pdqImage(String relative) {
        return shared("pdq").resolve(relative).normalize();
    }

    /** A vPDQ reference video, e.g. {@code "chair-19-sd-bar.mp4"}. */
    public static Path vpdqVideo(String name) {
        return shared("vpdq/videos").resolve(name).normalize();
    }

    private static Path shared(String dir) {
        String root = System.getProperty("openiru.projectRoot");
        Path base = root == null ? Path.of("").toAbsolutePath().getParent() : Path.of(root);
        return base.resolve("../shared/data").resolve(dir);
    }
}
