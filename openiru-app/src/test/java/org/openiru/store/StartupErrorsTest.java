package org.openiru.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIru;
import org.openiru.testing.TestApp;
import org.openiru.testing.TestPostgres;

/** Each start-up problem an operator can meet gives one clear line naming what to fix. */
class StartupErrorsTest {
    @Test
    void aBusyPortIsNamed() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            OpenIru app = OpenIru.open(TestApp.config().withPort(busy.getLocalPort()), TestPostgres.freshDatabase());
            try {
                assertThatThrownBy(app::startWeb).isInstanceOf(StartupException.class)
                        .hasMessageContaining("Port " + busy.getLocalPort() + " is already in use (OPENIRU_PORT)");
            } finally {
                app.close();
            }
        }
    }

    @Test
    void anUnreachableDatabaseIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/openiru";
        assertThatThrownBy(() -> OpenIru.open(TestApp.config(), DatabaseServer.external(url, "u", "p")))
                .isInstanceOf(StartupException.class).hasMessageStartingWith("Database " + url + " is unreachable");
    }

    @Test
    void aDataDirectoryThatCannotBeMadeIsNamed(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThatThrownBy(() -> EmbeddedPostgresServer.open(file.resolve("data")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(file.resolve("data").toString()).hasMessageContaining("OPENIRU_DATA_DIR");
    }

    @Test
    void theCommandLinePrintsOneLineAndExitsNonZero() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new picocli.CommandLine(new org.openiru.cli.Main()).execute("user", "add", "--unit", "x",
                    "--role", "wizard", "someone");
        } finally {
            System.setErr(old);
        }
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("wizard");
    }
}
