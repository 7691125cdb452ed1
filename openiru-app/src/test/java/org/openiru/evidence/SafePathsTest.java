package org.openiru.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafePathsTest {
    @TempDir
    Path dir;

    @Test
    void resolvesNamesInsideTheExport() {
        assertThat(SafePaths.resolveInside(dir, "photos/photo_1.jpg"))
                .isEqualTo(dir.toAbsolutePath().resolve("photos/photo_1.jpg"));
        assertThat(SafePaths.resolveInside(dir, "files/./a..b.pdf")).isEqualTo(dir.resolve("files/a..b.pdf"));
    }

    @Test
    void refusesNamesThatLeaveTheExport() {
        assertRefused("../secret.txt", "leads out");
        assertRefused("photos/../../etc/passwd", "leads out");
        assertRefused("..\\windows\\win.ini", "leads out");
        assertRefused("/etc/passwd", "absolute");
        assertRefused("C:\\Windows\\win.ini", "absolute");
        assertRefused("", "empty");
    }

    @Test
    void refusesControlCharactersAndNul() {
        assertRefused("photo\u0000.jpg", "code 0");
        assertRefused("photo\n.jpg", "code 10");
        assertRefused("photo\u001b[31m.jpg", "code 27");
    }

    @Test
    void refusesALinkThatPointsOutside(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "not evidence");
        Files.createSymbolicLink(dir.resolve("photo.jpg"), outside.resolve("secret.txt"));
        assertRefused("photo.jpg", "outside");
    }

    private void assertRefused(String name, String why) {
        assertThatThrownBy(() -> SafePaths.resolveInside(dir, name)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("refused").hasMessageContaining(why);
    }
}
