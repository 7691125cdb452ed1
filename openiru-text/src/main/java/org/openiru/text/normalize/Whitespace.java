package org.openiru.text.normalize;

/** Collapses whitespace runs to one space, or to one line break when the run held one (a sentence boundary). */
final class Whitespace {

    private Whitespace() {
    }

    static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
                i++;
                continue;
            }
            boolean newline = false;
            while (i < n && isSpace(s.charAt(i))) {
                newline |= s.charAt(i) == '\n' || s.charAt(i) == '\r';
                i++;
            }
            if (out.length() > 0 && i < n) {
                out.append(newline ? '\n' : ' ');
            }
        }
        return out.toString();
    }

    /** Whitespace or a space separator (no-break spaces included); ASCII answered without the JDK's tables. */
    static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
