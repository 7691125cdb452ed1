package org.openiru.hashing.banks;

import java.util.Locale;
import org.openiru.hashing.Hex;

/**
 * The signal types bank files may carry, by the names HMA and python-threatexchange use, with the
 * form of their values. Hex values are stored lower-case.
 */
public enum SignalType {
    PDQ("pdq", 64),
    MD5("md5", 32),
    VIDEO_MD5("video_md5", 32),
    SHA256("sha256", 64),
    URL("url", 0);

    private final String wireName;
    private final int hexLength;

    SignalType(String wireName, int hexLength) {
        this.wireName = wireName;
        this.hexLength = hexLength;
    }

    /** The name in files, e.g. {@code video_md5}. */
    public String wireName() {
        return wireName;
    }

    public static SignalType fromWireName(String name) {
        for (SignalType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown signal type '" + name + "'");
    }

    /**
     * The value in its stored form.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public String normalise(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty " + wireName + " value");
        }
        if (hexLength == 0) {
            return value;
        }
        if (value.length() != hexLength) {
            throw new IllegalArgumentException(wireName + " must be " + hexLength + " hex digits, got "
                    + value.length() + " characters");
        }
        if (!Hex.isHex(value, hexLength)) {
            throw new IllegalArgumentException(wireName + " has a character that is not a hex digit: '"
                    + value + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
