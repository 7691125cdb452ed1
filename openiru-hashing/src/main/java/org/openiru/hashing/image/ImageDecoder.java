package org.openiru.hashing.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.openiru.hashing.HashingException;
import org.openiru.hashing.ImageRejectedException;

/**
 * Decodes the first image of a file with ImageIO (JPEG, PNG, GIF, BMP, TIFF, WBMP, and WebP through
 * TwelveMonkeys), after checking the dimensions in its header against a pixel limit, so that an
 * image bomb is refused before any pixel memory is allocated.
 *
 * <p>Every failure is a {@link HashingException} naming the file and the reason. Decoder warnings
 * that mean lost pixel data (a truncated JPEG is decoded with grey fill and only a warning) are
 * failures too. Thread-safe: each call uses its own reader.
 */
public final class ImageDecoder {

    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    static {
        // Without this, ImageIO buffers every stream to a temporary file.
        ImageIO.setUseCache(false);
    }

    private final long maxPixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    public BufferedImage decode(Path file) throws HashingException {
        String name = file.toString();
        try {
            if (Files.size(file) == 0) {
                throw new HashingException(name, "empty file (0 bytes)");
            }
            try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
                return decode(in, name);
            }
        } catch (NoSuchFileException e) {
            throw new HashingException(name, "no such file", e);
        } catch (IOException e) {
            throw new HashingException(name, "cannot read file: " + e, e);
        }
    }

    /** Decodes from a stream, which is read but not closed; {@code name} labels errors. */
    public BufferedImage decode(InputStream stream, String name) throws HashingException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(stream)) {
            return decode(in, name);
        } catch (IOException e) {
            throw new HashingException(name, "cannot read stream: " + e, e);
        }
    }

    private BufferedImage decode(ImageInputStream in, String name) throws HashingException {
        ImageReader reader = readerFor(in, name);
        try {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkSize(name, width, height);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener(collectInto(warnings));
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new HashingException(name, "corrupt or truncated " + format(reader)
                        + " image data: " + String.join("; ", warnings));
            }
            return image;
        } catch (IOException | RuntimeException e) {
            // ImageIO plugins report corrupt data as IIOException and, often, as runtime exceptions
            // (IndexOutOfBounds, IllegalArgument, IllegalState, even NullPointer).
            throw new HashingException(name, "corrupt, truncated or unsupported " + format(reader)
                    + " image data: " + describe(e), e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(ImageInputStream in, String name) throws HashingException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new HashingException(name, "not an image in a supported format"
                    + " (JPEG, PNG, GIF, BMP, TIFF, WBMP, WebP)");
        }
        return readers.next();
    }

    private void checkSize(String name, int width, int height) throws ImageRejectedException {
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0) {
            throw new ImageRejectedException(name, "header gives impossible dimensions "
                    + width + "x" + height);
        }
        if (pixels > maxPixels) {
            throw new ImageRejectedException(name, String.format(
                    "image is %dx%d = %,d pixels, above the limit of %,d pixels; not decoded",
                    width, height, pixels, maxPixels));
        }
    }

    private static IIOReadWarningListener collectInto(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }

    private static String format(ImageReader reader) {
        try {
            return reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
        } catch (IOException e) {
            return reader.getOriginatingProvider().getDescription(java.util.Locale.ROOT);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
