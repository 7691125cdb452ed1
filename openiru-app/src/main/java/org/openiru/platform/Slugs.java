package org.openiru.platform;

import java.text.Normalizer;
import java.util.Locale;

/** Short URL-safe names made from display names ("X / Twitter" → "x-twitter"). */
public final class Slugs {
    private Slugs() {
    }

    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 63) {
            s = s.substring(0, 63).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "p" + Integer.toHexString(name.hashCode() & 0xfffff) : s;
    }
}
