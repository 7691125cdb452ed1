package org.openiru.hashing.pdq;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Luminance rows of a {@link BufferedImage}, read from the raster's samples.
 *
 * <p>{@link BufferedImage#getRGB} is avoided where possible: for grey images it converts from the
 * linear grey colour space to sRGB, which brightens every pixel and changes the hash, while the
 * reference implementations use the stored grey values as they are. Samples wider than 8 bits keep
 * their high byte; narrower ones are stretched to 0..255. Alpha is ignored, not composited.
 *
 * <p>8-bit interleaved rasters (what the JPEG and most PNG decoders produce) are read straight from
 * their byte array; the generic {@link Raster#getPixels} costs several virtual calls per sample.
 */
final class ImageInput implements PdqInput {

    private enum Layout { PALETTE, RGB, GREY, CONVERTED }

    private final BufferedImage image;
    private final Raster raster;
    private final Layout layout;
    private final int bands;
    private final int[] shifts = new int[3];
    private final int[] maxima = new int[3];
    private final float[] paletteLuma;
    private final int[] samples;
    private final byte[] bytes;
    private final int pixelStride;
    private final int scanlineStride;
    private final int[] byteBandOffsets;

    ImageInput(BufferedImage image) {
        this.image = image;
        this.raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        this.layout = layoutOf(cm, raster);
        this.bands = raster.getNumBands();
        this.paletteLuma = layout == Layout.PALETTE ? paletteLuma((IndexColorModel) cm) : null;
        int colourBands = layout == Layout.RGB ? 3 : 1;
        for (int b = 0; b < colourBands && layout != Layout.CONVERTED; b++) {
            int bits = cm.getComponentSize(b);
            shifts[b] = Math.max(0, bits - 8);
            maxima[b] = bits < 8 ? (1 << bits) - 1 : 0;
        }
        this.samples = new int[image.getWidth() * (layout == Layout.CONVERTED ? 1 : bands)];
        ComponentSampleModel byteModel = eightBitInterleaved(cm, raster, layout);
        this.bytes = byteModel == null ? null : ((DataBufferByte) raster.getDataBuffer()).getData();
        this.pixelStride = byteModel == null ? 0 : byteModel.getPixelStride();
        this.scanlineStride = byteModel == null ? 0 : byteModel.getScanlineStride();
        this.byteBandOffsets = byteModel == null ? null : byteModel.getBandOffsets();
    }

    /** The sample model if the pixels can be read directly as bytes, else null. */
    private static ComponentSampleModel eightBitInterleaved(ColorModel cm, Raster raster, Layout layout) {
        boolean direct = (layout == Layout.RGB || layout == Layout.GREY)
                && raster.getSampleModel() instanceof ComponentSampleModel
                && raster.getDataBuffer() instanceof DataBufferByte
                && raster.getDataBuffer().getNumBanks() == 1
                && raster.getDataBuffer().getOffset() == 0
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        for (int b = 0; direct && b < cm.getNumColorComponents(); b++) {
            direct = cm.getComponentSize(b) == 8;
        }
        return direct ? (ComponentSampleModel) raster.getSampleModel() : null;
    }

    private static Layout layoutOf(ColorModel cm, Raster raster) {
        if (cm instanceof IndexColorModel) {
            return Layout.PALETTE;
        }
        int type = raster.getDataBuffer().getDataType();
        boolean integral = type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT
                || type == DataBuffer.TYPE_INT;
        int space = cm.getColorSpace().getType();
        if (integral && space == ColorSpace.TYPE_RGB && cm.getNumColorComponents() == 3) {
            return Layout.RGB;
        }
        if (integral && space == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            return Layout.GREY;
        }
        return Layout.CONVERTED;
    }

    private static float[] paletteLuma(IndexColorModel cm) {
        float[] luma = new float[cm.getMapSize()];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = Luma.ofPacked(cm.getRGB(i));
        }
        return luma;
    }

    @Override
    public int width() {
        return image.getWidth();
    }

    @Override
    public int height() {
        return image.getHeight();
    }

    @Override
    public void readLumaRow(int y, float[] out, int offset) {
        int width = image.getWidth();
        if (bytes != null) {
            readByteRow(y, out, offset, width);
            return;
        }
        switch (layout) {
            case PALETTE:
                raster.getSamples(0, y, width, 1, 0, samples);
                for (int x = 0; x < width; x++) {
                    out[offset + x] = paletteLuma[samples[x]];
                }
                break;
            case RGB:
                raster.getPixels(0, y, width, 1, samples);
                for (int x = 0, p = 0; x < width; x++, p += bands) {
                    out[offset + x] = Luma.of(
                            to8Bits(samples[p], 0), to8Bits(samples[p + 1], 1), to8Bits(samples[p + 2], 2));
                }
                break;
            case GREY:
                raster.getPixels(0, y, width, 1, samples);
                for (int x = 0, p = 0; x < width; x++, p += bands) {
                    out[offset + x] = to8Bits(samples[p], 0);
                }
                break;
            default:
                image.getRGB(0, y, width, 1, samples, 0, width);
                for (int x = 0; x < width; x++) {
                    out[offset + x] = Luma.ofPacked(samples[x]);
                }
        }
    }

    private void readByteRow(int y, float[] out, int offset, int width) {
        int p = y * scanlineStride;
        if (layout == Layout.GREY) {
            int g = byteBandOffsets[0];
            for (int x = 0; x < width; x++, p += pixelStride) {
                out[offset + x] = bytes[p + g] & 0xFF;
            }
            return;
        }
        int r = byteBandOffsets[0];
        int g = byteBandOffsets[1];
        int b = byteBandOffsets[2];
        for (int x = 0; x < width; x++, p += pixelStride) {
            out[offset + x] = Luma.of(bytes[p + r] & 0xFF, bytes[p + g] & 0xFF, bytes[p + b] & 0xFF);
        }
    }

    private int to8Bits(int sample, int band) {
        int max = maxima[band];
        return max == 0 ? sample >>> shifts[band] : sample * 255 / max;
    }
}
