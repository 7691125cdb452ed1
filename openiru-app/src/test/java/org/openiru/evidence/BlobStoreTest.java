package org.openiru.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.hashing.digest.FileDigests;
import org.openiru.store.Database;
import org.openiru.store.DatabaseServer;
import org.openiru.testing.TestPostgres;

class BlobStoreTest {
    static DatabaseServer server;
    static Database db;
    @TempDir
    static Path dir;
    static BlobStore store;

    @BeforeAll
    static void start() {
        server = TestPostgres.freshDatabase();
        db = Database.connect(server.jdbcUrl(), server.user(), server.password(), 2);
        store = new BlobStore(dir.resolve("blobs"), db.jdbi());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void storesUnderItsSha256WithMd5SizeAndSniffedType() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2};
        Blob b = store.put(new ByteArrayInputStream(png), "looks-like.jpg", BlobStore.DEFAULT_MAX_BYTES);

        FileDigests expected = FileDigests.of(new ByteArrayInputStream(png));
        assertThat(b.sha256()).isEqualTo(expected.sha256());
        assertThat(b.md5()).isEqualTo(expected.md5());
        assertThat(b.size()).isEqualTo(png.length);
        assertThat(b.mediaType()).isEqualTo("image/png");
        assertThat(b.originalName()).isEqualTo("looks-like.jpg");
        Path stored = store.path(b.sha256());
        assertThat(stored).isEqualTo(dir.resolve("blobs").resolve(b.sha256().substring(0, 2))
                .resolve(b.sha256().substring(2, 4)).resolve(b.sha256()).toAbsolutePath());
        assertThat(FileDigests.of(stored).sha256()).isEqualTo(b.sha256());
        assertThat(Files.readAllBytes(stored)).isEqualTo(png);
    }

    @Test
    void storedFilesAreReadOnlyAndNoTemporaryFileIsLeft() throws IOException {
        Blob b = put("read-only evidence");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.path(b.sha256()))))
                .isEqualTo("r--r--r--");
        try (var left = Files.list(dir.resolve("blobs").resolve("incoming"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theSameContentIsStoredOnceAndKeepsItsFirstName() throws IOException {
        Blob first = put("same bytes", "first.bin");
        Blob again = put("same bytes", "second.bin");
        assertThat(again).isEqualTo(first);
        assertThat(again.originalName()).isEqualTo("first.bin");
    }

    @Test
    void neverOverwritesWhatIsAtABlobsName() throws IOException {
        // another content already sits where "genuine" belongs (a tampered or foreign file)
        String genuine = "genuine evidence";
        String sha = FileDigests.of(new ByteArrayInputStream(genuine.getBytes(StandardCharsets.UTF_8))).sha256();
        Path target = store.path(sha);
        Files.createDirectories(target.getParent());
        Files.writeString(target, "something else");

        assertThatThrownBy(() -> put(genuine)).hasMessageContaining("was altered");
        assertThat(Files.readString(target)).isEqualTo("something else");
        assertThat(store.find(sha)).isEmpty();
    }

    @Test
    void verifyNoticesAStoredBlobWhoseBytesChanged() throws IOException {
        Blob b = put("to be tampered with");
        store.verify(b.sha256());
        Path p = store.path(b.sha256());
        p.toFile().setWritable(true);
        Files.writeString(p, "tampered");
        assertThatThrownBy(() -> store.verify(b.sha256())).hasMessageContaining("was altered");
    }

    @Test
    void refusesAFileLargerThanTheLimitAndKeepsNothing() throws IOException {
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[1001]), "big.bin", 1000))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("big.bin").hasMessageContaining("1000");
        try (var left = Files.list(dir.resolve("blobs").resolve("incoming"))) {
            assertThat(left).isEmpty();
        }
    }

    private Blob put(String content) throws IOException {
        return put(content, "file.txt");
    }

    private Blob put(String content, String name) throws IOException {
        return store.put(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name,
                BlobStore.DEFAULT_MAX_BYTES);
    }
}
