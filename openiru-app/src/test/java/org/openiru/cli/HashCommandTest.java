package org.openiru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.Json;

/** {@code openiru hash --json}: one object per file, bad files reported in place, the batch goes on. */
class HashCommandTest {
    @Test
    void aBadFileDoesNotStopTheBatch(@TempDir Path dir) throws Exception {
        Path good = org.openiru.testing.ReferenceData.pdqImage("bridge-mods/aaa-orig.jpg");
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.run("hash", "--json", empty.toString(), good.toString(), text.toString(),
                    dir.resolve("missing.jpg").toString());
        } finally {
            System.setOut(old);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(code).isEqualTo(1);
        assertThat(lines).hasSize(4);
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertThat(first.get("file").asText()).isEqualTo(empty.toString());
        assertThat(first.get("error").asText()).contains("empty file (0 bytes)");
        JsonNode ok = Json.MAPPER.readTree(lines.get(1));
        assertThat(ok.fieldNames()).toIterable().containsExactly("file", "type", "pdq", "quality", "md5", "sha256");
        assertThat(ok.get("type").asText()).isEqualTo("image");
        assertThat(Json.MAPPER.readTree(lines.get(2)).get("error").asText()).contains("not an image");
        assertThat(Json.MAPPER.readTree(lines.get(3)).get("error").asText()).contains("no such file");
    }

    @Test
    void videosGiveTheirVpdqFramesAndABrokenVideoDoesNotStopTheBatch(@TempDir Path dir) throws Exception {
        Path video = org.openiru.testing.ReferenceData.vpdqVideo("chair-19-sd-bar.mp4");
        byte[] head = Files.readAllBytes(video);
        Path broken = Files.write(dir.resolve("broken.mp4"), java.util.Arrays.copyOf(head, 2000));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.run("hash", "--json", broken.toString(), video.toString());
        } finally {
            System.setOut(old);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(code).isEqualTo(1);
        assertThat(lines).hasSize(2);
        assertThat(Json.MAPPER.readTree(lines.get(0)).get("error").asText()).contains("broken.mp4");
        JsonNode v = Json.MAPPER.readTree(lines.get(1));
        assertThat(v.get("type").asText()).isEqualTo("video");
        assertThat(v.get("md5").asText()).isEqualTo(org.openiru.hashing.digest.FileDigests.of(video).md5());
        JsonNode frames = v.get("vpdq_frames");
        assertThat(frames.size()).isGreaterThan(10);
        assertThat(frames.get(0).get("pdq").asText()).hasSize(64);
        assertThat(frames.get(1).get("frame").asInt()).isGreaterThan(frames.get(0).get("frame").asInt());
    }
}
