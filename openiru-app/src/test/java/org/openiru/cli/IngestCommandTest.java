package org.openiru.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openiru.ingest.telegram.ExportFixture.chat;
import static org.openiru.ingest.telegram.ExportFixture.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIru;
import org.openiru.ingest.telegram.ExportFixture;
import org.openiru.store.DatabaseServer;
import org.openiru.testing.FreshDatabase;

/**
 * {@code openiru ingest telegram|jsonl|urls} as a user runs them: a separate process with the configuration
 * in its environment, the summary line and the source id on standard output, the exit status (all synthetic).
 */
@ExtendWith(FreshDatabase.class)
class IngestCommandTest {
    @TempDir
    static Path dir;
    static OpenIru app;
    static DatabaseServer db;

    @BeforeAll
    static void start(OpenIru started, DatabaseServer server) {
        app = started;
        db = server;
    }

    @Test
    void telegramPrintsTheSummaryAndTheSourceAndAgainFindsDuplicates() throws Exception {
        ObjectNode channel = chat("[synthetic] CLI Outlet", "private_channel", 5005);
        message(channel, 1, "first [synthetic] https://example.org/cli");
        message(channel, 2, "second [synthetic]");
        Path export = ExportFixture.write(dir.resolve("export"), channel);

        Run first = openiru("ingest", "telegram", export.toString(), "--source-name", "[synthetic] CLI export");
        assertThat(first.code).as(first.err).isZero();
        assertThat(first.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=0");
        assertThat(source(first.sourceId())).containsEntry("kind", "telegram_export")
                .containsEntry("name", "[synthetic] CLI export").containsEntry("status", "finished");

        Run again = openiru("ingest", "telegram", export.toString());
        assertThat(again.summary()).isEqualTo("new=0 updated=0 duplicate=2 failed=0");
        assertThat(again.sourceId()).isNotEqualTo(first.sourceId());
    }

    @Test
    void jsonlAndUrlsPrintTheSummaryAndABadLineIsCountedAndNamed() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("items.jsonl"), """
                {"url":"https://example.net/cli/1","text":"[synthetic] one"}
                {"url":"https://example.net/cli/2","text":"[synthetic] two"}
                """, StandardCharsets.UTF_8);
        Run items = openiru("ingest", "jsonl", jsonl.toString());
        assertThat(items.code).as(items.err).isZero();
        assertThat(items.summary()).isEqualTo("new=2 updated=0 duplicate=0 failed=0");
        assertThat(source(items.sourceId())).containsEntry("kind", "jsonl");

        Path csv = Files.writeString(dir.resolve("urls.csv"), """
                url
                https://example.net/cli/1
                https://example.net/cli/3
                not a url
                """, StandardCharsets.UTF_8);
        Run urls = openiru("ingest", "urls", csv.toString());
        assertThat(urls.summary()).isEqualTo("new=1 updated=0 duplicate=1 failed=1");
        assertThat(urls.code).as("one bad line fails that item, not the import").isZero();
        assertThat(urls.err).contains("error: " + csv + ":line 4");
        assertThat(source(urls.sourceId())).containsEntry("kind", "urls").containsEntry("status", "finished");
    }

    private static Map<String, Object> source(long id) {
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT kind, name, status FROM sources WHERE id = ?")
                .bind(0, id).mapToMap().one());
    }

    /** The command in a new JVM on the test's database and a data directory of its own. */
    private static Run openiru(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("OPENIRU_DB_URL", db.jdbcUrl());
        pb.environment().put("OPENIRU_DB_USER", db.user());
        pb.environment().put("OPENIRU_DB_PASSWORD", db.password());
        pb.environment().put("OPENIRU_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("OPENIRU_WORKER_THREADS", "0");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        int code = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
        return new Run(code, Files.readString(out), Files.readString(err));
    }

    private record Run(int code, String out, String err) {
        /** The summary line: the last but one line of standard output. */
        String summary() {
            List<String> lines = out.strip().lines().toList();
            assertThat(lines).as(err).hasSizeGreaterThanOrEqualTo(2);
            return lines.get(lines.size() - 2);
        }

        long sourceId() {
            List<String> lines = out.strip().lines().toList();
            String last = lines.get(lines.size() - 1);
            assertThat(last).as(err).matches("source=\\d+");
            return Long.parseLong(last.substring("source=".length()));
        }
    }
}
