package org.openiru.hashing;

import java.util.HexFormat;

/** Strict hex helpers: only 0-9, a-f, A-F; no signs, prefixes or whitespace. */
public final class Hex {

    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {}

    /** Lower-case hex of the bytes. */
    public static String of(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /** True if every character is a hex digit and the length is {@code length}. */
    public static boolean isHex(CharSequence s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (value(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static int digit(CharSequence s, int index) {
        char c = s.charAt(index);
        int d = value(c);
        if (d < 0) {
            throw new IllegalArgumentException(
                    "not a hex digit at position " + (index + 1) + ": '" + c + "'");
        }
        return d;
    }

    // Not Character.digit: that also accepts full-width and other Unicode digits.
    private static int value(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
