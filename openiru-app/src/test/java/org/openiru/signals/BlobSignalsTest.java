package org.openiru.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.hashing.banks.SignalType;
import org.openiru.ingest.Progress;
import org.openiru.ingest.telegram.ExportFixture;
import org.openiru.ingest.telegram.TelegramImporter;
import org.openiru.testing.ReferenceData;
import org.openiru.testing.TestApp;

/** Collected pictures are hashed in the background and matched against the banks; the hit shows on the item. */
class BlobSignalsTest {
    private static TestApp t;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        t.user("reviewer", Role.ANALYST);
        t.app.startWorkers();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void aCollectedCopyOfABankedImageIsAHitOnItsItem(@TempDir Path dir) throws Exception {
        Path original = ReferenceData.pdqImage("bridge-mods/aaa-orig.jpg");
        String pdq = t.app.signals.hasher.hash(original).pdq();
        Bank bank = t.app.signals.banks.create(Actor.system("test"), new BankInput("SYNTHETIC_KNOWN", "test bank",
                "known", null, true, null, null));
        t.app.signals.banks.addEntries(Actor.system("test"), bank.id(), List.of(new NewEntry(SignalType.PDQ, pdq,
                "synthetic-entity", List.of("test"), "", null, null)), "test");

        ObjectNode chat = ExportFixture.chat("Synthetic Channel", "public_channel", 5501);
        ExportFixture.message(chat, 3, "[synthetic] a re-upload").put("photo", "photos/copy.jpg");
        Path export = ExportFixture.write(dir, chat);
        Files.createDirectories(dir.resolve("photos"));
        // A re-encoded copy: same picture, other bytes, so only PDQ can find it.
        Files.copy(ReferenceData.pdqImage("bridge-mods/blur-a-little.jpg"), dir.resolve("photos/copy.jpg"));
        t.app.telegram.importExport(Actor.system("test"), export, TelegramImporter.Options.defaults(),
                Progress.NONE);

        String sha = t.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT blob_sha256 FROM item_blobs WHERE role = 'photo'").mapTo(String.class).one());
        List<SignalMatcher.Hit> hits = waitForHits(sha);
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.bank()).isEqualTo("SYNTHETIC_KNOWN");
            assertThat(hit.distance()).isLessThanOrEqualTo(31);
            assertThat(hit.cancelled()).isFalse();
        });

        HttpClient c = TestApp.browserlessClient();
        t.login(c, "reviewer");
        long itemId = t.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT item_id FROM item_blobs WHERE blob_sha256 = ?").bind(0, sha).mapTo(Long.class).one());
        assertThat(t.get(c, "/items/" + itemId).body()).contains("data-testid=\"hits\"", "SYNTHETIC_KNOWN");
    }

    @Test
    void filesLeftWithoutSignalsAreQueuedAgainAtStart() {
        t.app.db.jdbi().useHandle(h -> h.execute("INSERT INTO blobs (sha256, md5, size, media_type) VALUES (?, ?, 1, "
                + "'application/octet-stream')", "ab".repeat(32), "cd".repeat(16)));
        assertThat(new BlobSignals(t.app.blobs, t.app.signals.hasher, t.app.signals.signalMatcher, t.app.jobs,
                t.app.db.jdbi()).enqueueMissing()).isGreaterThanOrEqualTo(1);
        long queued = t.app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM jobs WHERE queue = ? AND "
                + "idempotency_key = ?").bind(0, BlobSignals.QUEUE).bind(1, "ab".repeat(32)).mapTo(Long.class).one());
        assertThat(queued).isEqualTo(1L);
    }

    private static List<SignalMatcher.Hit> waitForHits(String sha) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<SignalMatcher.Hit> hits = t.app.signals.signalMatcher.hitsOf(sha);
            if (!hits.isEmpty()) {
                return hits;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No hit for blob " + sha + " within a minute");
    }
}
