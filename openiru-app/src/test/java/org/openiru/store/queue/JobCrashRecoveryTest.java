package org.openiru.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openiru.store.Database;
import org.openiru.store.DatabaseServer;
import org.openiru.testing.TestPostgres;

class JobCrashRecoveryTest {
    @Test
    void aWorkerKilledBetweenClaimingAndFinishingLosesNoJob() throws Exception {
        DatabaseServer s = TestPostgres.freshDatabase();
        try (Database db = Database.connect(s.jdbcUrl(), s.user(), s.password(), 2)) {
            PgJobQueue queue = new PgJobQueue(db.jdbi(), Backoff.DEFAULT, PgJobQueue.DEFAULT_MAX_ATTEMPTS);
            queue.enqueue("hash", "sha256:ab12", "{\"blob\": \"ab12\"}");

            // C1 only: the doomed process lives for a moment, so starting fast beats compiling well.
            Process doomed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ClaimAndDieMain.class.getName(),
                    s.jdbcUrl(), "hash", "1000")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(doomed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(doomed.exitValue()).isEqualTo(137);
            String[] claimed = new String(doomed.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()
                    .split(" ");
            long id = Long.parseLong(claimed[0]);
            assertThat(QueueDb.state(db.jdbi(), id)).isEqualTo("running");
            assertThat(QueueDb.column(db.jdbi(), id, "locked_by")).isEqualTo("doomed-worker");

            AtomicInteger handled = new AtomicInteger();
            try (WorkerPool survivor = new WorkerPool(queue, 1, Duration.ofSeconds(5))) {
                survivor.register("hash", job -> handled.incrementAndGet(), Duration.ofMinutes(5)).start();
                QueueDb.awaitState(db.jdbi(), id, "done");
            }

            Job ghost = new Job(id, "hash", "sha256:ab12", "{}", 1, PgJobQueue.DEFAULT_MAX_ATTEMPTS,
                    UUID.fromString(claimed[1]));
            assertThat(queue.complete(ghost)).isFalse();
            assertThat(handled).hasValue(1);
            assertThat(QueueDb.state(db.jdbi(), id)).isEqualTo("done");
            assertThat(QueueDb.attempts(db.jdbi(), id)).isEqualTo(2);
        }
    }
}
