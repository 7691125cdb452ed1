package org.openiru.ingest.url;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Percent-encoding normalisation (RFC 3986 section 6.2.2): upper-case hex digits, decode octets that encode
 * unreserved characters, encode what may not appear raw (spaces, non-ASCII as UTF-8). Reserved characters that
 * arrive encoded stay encoded, because decoding them could change the meaning ({@code %2F}, {@code %26}).
 */
final class Percent {

    private static final String HEX = "0123456789ABCDEF";
    private static final String SUB_DELIMS_AND_PATH = "!$&'()*+,;=:@/";

    private Percent() {
    }

    /** Normalises a path ({@code inQuery = false}) or a query part or fragment ({@code inQuery = true}). */
    static String normalise(String s, boolean inQuery) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                int b = hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2));
                if (unreserved(b)) {
                    out.append((char) b);
                } else {
                    appendEncoded(out, b);
                }
                i += 3;
            } else if (c < 0x80 && (unreserved(c) || SUB_DELIMS_AND_PATH.indexOf(c) >= 0 || inQuery && c == '?')) {
                out.append(c);
                i++;
            } else {
                int cp = s.codePointAt(i);
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    appendEncoded(out, b & 0xFF);
                }
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    /** Fully decodes a query value (form encoding: {@code +} is a space); empty when the encoding is broken. */
    static Optional<String> decodeQueryValue(String value) {
        try {
            return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException broken) {
            return Optional.empty();
        }
    }

    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static void appendEncoded(StringBuilder out, int b) {
        out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xF));
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
