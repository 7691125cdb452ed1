package org.openiru.hashing.pdq;

/** An input of fixed, checked dimensions over a caller's array. */
abstract class SizedInput implements PdqInput {

    private final int width;
    private final int height;

    SizedInput(int width, int height, int arrayLength, int valuesPerPixel) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image is " + width + "x" + height);
        }
        if ((long) width * height * valuesPerPixel > arrayLength) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs "
                    + (long) width * height * valuesPerPixel + " values, the array has " + arrayLength);
        }
        this.width = width;
        this.height = height;
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int height() {
        return height;
    }
}
