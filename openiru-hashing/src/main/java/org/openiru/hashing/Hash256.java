package org.openiru.hashing;

import java.util.Objects;

/**
 * An immutable 256-bit hash (PDQ, SHA-256 or any other 256-bit signal).
 *
 * <p>Bit {@code k} (0..255) lives in word {@code k / 64}, bit {@code k % 64}. The hex form is the
 * 256-bit number written big-endian, which is exactly the reference PDQ implementation's ordering:
 * it prints its sixteen 16-bit words from the highest ({@code w[15]}) to the lowest, and sets bit
 * {@code k} of the hash in word {@code k / 16}. So the last hex digit holds bits 0..3.
 */
public final class Hash256 implements Comparable<Hash256> {

    public static final int BITS = 256;
    public static final int HEX_LENGTH = 64;

    private final long w0;
    private final long w1;
    private final long w2;
    private final long w3;

    private Hash256(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
    }

    /** Builds a hash from its words, lowest bits first. */
    public static Hash256 ofWords(long w0, long w1, long w2, long w3) {
        return new Hash256(w0, w1, w2, w3);
    }

    /**
     * Parses 64 hex digits (either case).
     *
     * @throws IllegalArgumentException naming the problem if the text is not exactly 64 hex digits
     */
    public static Hash256 fromHex(CharSequence hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != HEX_LENGTH) {
            throw new IllegalArgumentException(
                    "expected " + HEX_LENGTH + " hex digits, got " + hex.length() + " characters");
        }
        // Left to right, so that an error names the first bad character.
        long w3 = parseWord(hex, 0);
        long w2 = parseWord(hex, 16);
        long w1 = parseWord(hex, 32);
        return new Hash256(parseWord(hex, 48), w1, w2, w3);
    }

    private static long parseWord(CharSequence hex, int start) {
        long word = 0;
        for (int i = start; i < start + 16; i++) {
            word = (word << 4) | Hex.digit(hex, i);
        }
        return word;
    }

    /** Returns the 64 lower-case hex digits, in the reference PDQ ordering. */
    public String toHex() {
        StringBuilder sb = new StringBuilder(HEX_LENGTH);
        appendWord(sb, w3);
        appendWord(sb, w2);
        appendWord(sb, w1);
        appendWord(sb, w0);
        return sb.toString();
    }

    private static void appendWord(StringBuilder sb, long word) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            sb.append(Character.forDigit((int) (word >>> shift) & 0xF, 16));
        }
    }

    /** Word {@code i} (0..3), holding bits {@code 64*i .. 64*i+63}. */
    public long word(int i) {
        switch (i) {
            case 0: return w0;
            case 1: return w1;
            case 2: return w2;
            case 3: return w3;
            default: throw new IndexOutOfBoundsException("word " + i);
        }
    }

    public boolean bit(int k) {
        Objects.checkIndex(k, BITS);
        return ((word(k >>> 6) >>> (k & 63)) & 1L) != 0;
    }

    public Hash256 withBitFlipped(int k) {
        Objects.checkIndex(k, BITS);
        long mask = 1L << (k & 63);
        switch (k >>> 6) {
            case 0: return new Hash256(w0 ^ mask, w1, w2, w3);
            case 1: return new Hash256(w0, w1 ^ mask, w2, w3);
            case 2: return new Hash256(w0, w1, w2 ^ mask, w3);
            default: return new Hash256(w0, w1, w2, w3 ^ mask);
        }
    }

    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    /** Hamming distance: the number of bits in which the two hashes differ. */
    public int distance(Hash256 other) {
        return Long.bitCount(w0 ^ other.w0)
                + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2)
                + Long.bitCount(w3 ^ other.w3);
    }

    public Hash256 xor(Hash256 other) {
        return new Hash256(w0 ^ other.w0, w1 ^ other.w1, w2 ^ other.w2, w3 ^ other.w3);
    }

    /** Orders as unsigned 256-bit numbers, i.e. the same order as the hex strings. */
    @Override
    public int compareTo(Hash256 other) {
        int c = Long.compareUnsigned(w3, other.w3);
        if (c == 0) c = Long.compareUnsigned(w2, other.w2);
        if (c == 0) c = Long.compareUnsigned(w1, other.w1);
        if (c == 0) c = Long.compareUnsigned(w0, other.w0);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash256
                && ((Hash256) o).w0 == w0
                && ((Hash256) o).w1 == w1
                && ((Hash256) o).w2 == w2
                && ((Hash256) o).w3 == w3;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(w0 * 31 + w1 * 961 + w2 * 29791 + w3);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
