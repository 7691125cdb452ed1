package org.openiru.hashing.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.hashing.HashingException;
import org.openiru.hashing.ImageRejectedException;
import org.openiru.hashing.ReferenceData;

class ImageDecoderTest {

    @TempDir
    Path dir;

    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void refusesAnImageBombFromItsHeaderAlone() throws Exception {
        Path bomb = write("bomb.png", pngHeader(50_000, 40_000));
        assertThatThrownBy(() -> decoder.decode(bomb))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("bomb.png")
                .hasMessageContaining("50000x40000")
                .hasMessageContaining("2,000,000,000 pixels")
                .hasMessageContaining("limit of 100,000,000");
    }

    @Test
    void theLimitIsConfigurable() {
        Path photo = ReferenceData.pdq("reg-test-input/dih/bridge-1-original.jpg");
        assertThatThrownBy(() -> new ImageDecoder(1000).decode(photo))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("bridge-1-original.jpg");
    }

    @Test
    void emptyFile() throws Exception {
        Path empty = write("empty.jpg", new byte[0]);
        assertThatThrownBy(() -> decoder.decode(empty))
                .isExactlyInstanceOf(HashingException.class)
                .hasMessage(empty + ": empty file (0 bytes)");
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> decoder.decode(missing))
                .isInstanceOf(HashingException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void notAnImage() throws Exception {
        Path text = write("notes.jpg", "just some text, not a JPEG".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> decoder.decode(text))
                .isInstanceOf(HashingException.class)
                .hasMessageStartingWith(text + ": not an image in a supported format");
    }

    @Test
    void truncatedJpeg() throws Exception {
        Path truncated = truncatedCopy("reg-test-input/dih/bridge-1-original.jpg", "cut.jpg");
        assertThatThrownBy(() -> decoder.decode(truncated))
                .isInstanceOf(HashingException.class)
                .hasMessageStartingWith(truncated + ": corrupt")
                .hasMessageContaining("JPEG");
    }

    @Test
    void truncatedPng() throws Exception {
        Path truncated = truncatedCopy("reg-test-input/pen-and-coaster.png", "cut.png");
        assertThatThrownBy(() -> decoder.decode(truncated))
                .isInstanceOf(HashingException.class)
                .hasMessageStartingWith(truncated + ": corrupt")
                .hasMessageContaining("PNG");
    }

    @Test
    void corruptPngHeader() throws Exception {
        byte[] header = pngHeader(10, 10);
        header[20] ^= 0x55; // inside IHDR: the CRC no longer matches
        Path corrupt = write("corrupt.png", header);
        assertThatThrownBy(() -> decoder.decode(corrupt))
                .isInstanceOf(HashingException.class)
                .hasMessageStartingWith(corrupt + ": ");
    }

    @Test
    void readsWebp() throws Exception {
        assertThat(decoder.decode(ReferenceData.pdq("misc-images/modes/LAB.webp")).getWidth()).isEqualTo(1600);
    }

    @Test
    void decodesFromAStream() throws Exception {
        byte[] bytes = Files.readAllBytes(ReferenceData.pdq("misc-images/wee.jpg"));
        assertThat(decoder.decode(new ByteArrayInputStream(bytes), "upload 17").getHeight()).isEqualTo(42);
        assertThatThrownBy(() -> decoder.decode(new ByteArrayInputStream(new byte[10]), "upload 18"))
                .isInstanceOf(HashingException.class)
                .hasMessageStartingWith("upload 18: ");
    }

    private Path truncatedCopy(String reference, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(ReferenceData.pdq(reference));
        return write(name, Arrays.copyOf(bytes, bytes.length / 2));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** A PNG signature and a valid IHDR chunk claiming the given size, and nothing else. */
    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(width);
        c.writeInt(height);
        c.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, no interlace
        out.writeInt(13);
        out.write(chunk.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(chunk.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
