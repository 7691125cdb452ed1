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
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
                i++;
                continue;
            }
            boolean newline = false;
            while (i < n && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i)))) {
                newline |= s.charAt(i) == '\n' || s.charAt(i) == '\r';
                i++;
            }
            if (out.length() > 0 && i < n) {
                out.append(newline ? '\n' : ' ');
            }
        }
        return out.toString();
    }
}
