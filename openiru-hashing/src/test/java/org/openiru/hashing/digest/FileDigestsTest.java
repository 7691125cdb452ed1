package org.openiru.hashing.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestsTest {

    @Test
    void knownVectors() throws Exception {
        FileDigests empty = FileDigests.of(new ByteArrayInputStream(new byte[0]));
        assertThat(empty).isEqualTo(new FileDigests("d41d8cd98f00b204e9800998ecf8427e",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0));
        FileDigests abc = FileDigests.of(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));
        assertThat(abc.md5()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(abc.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(abc.sha256Hash().toHex()).isEqualTo(abc.sha256());
    }

    @Test
    void fileLargerThanTheBufferEqualsTheStream(@TempDir Path dir) throws Exception {
        byte[] data = new byte[200_001];
        new Random(7).nextBytes(data);
        Path file = Files.write(dir.resolve("blob"), data);
        FileDigests fromFile = FileDigests.of(file);
        assertThat(fromFile).isEqualTo(FileDigests.of(new ByteArrayInputStream(data)));
        assertThat(fromFile.size()).isEqualTo(200_001);
    }
}
