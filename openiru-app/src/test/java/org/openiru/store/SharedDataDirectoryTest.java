package org.openiru.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.testing.TestApp;

/**
 * The embedded database on a data directory: kept across restarts, joined by a second process, and taken
 * over after its owner was killed.
 */
class SharedDataDirectoryTest {

    @Test
    void dataSurvivesARestart(@TempDir Path dir) {
        try (OpenIru app = OpenIru.open(TestApp.config().withDataDir(dir))) {
            app.units.create(Actor.system("test"), new org.openiru.unit.Units.Input("kept", "Kept unit", "NL", ""));
        }
        try (OpenIru app = OpenIru.open(TestApp.config().withDataDir(dir))) {
            assertThat(app.units.findBySlug("kept")).isPresent();
            assertThat(app.audit.verify().intact()).isTrue();
        }
    }

    @Test
    void aSecondProcessJoinsAndAStaleRecordIsReplaced(@TempDir Path dir) throws Exception {
        Process owner = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabaseMain.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // skip the owner's log lines until it says the database is up
            }
            assertThat(line).as("owner process output").startsWith("READY");

            try (EmbeddedPostgresServer joined = EmbeddedPostgresServer.open(dir)) {
                assertThat(joined.ownsServer()).isFalse();
                assertThat(joined.jdbcUrl()).endsWith(":" + line.substring("READY ".length()) + "/postgres");
                try (Database db = Database.connect(joined.jdbcUrl(), joined.user(), joined.password(), 1)) {
                    assertThat(answer(db)).isEqualTo(1);
                }
            }
        } finally {
            owner.destroyForcibly();
            owner.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(EmbeddedPostgresServer.record(dir)).as("record left by the killed owner").isNotEmpty();

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.open(dir)) {
            assertThat(next.ownsServer()).isTrue();
            try (Database db = Database.connect(next.jdbcUrl(), next.user(), next.password(), 1)) {
                assertThat(answer(db)).isEqualTo(1);
            }
        }
    }

    private static int answer(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    }
}
