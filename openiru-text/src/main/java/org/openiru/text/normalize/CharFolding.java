package org.openiru.text.normalize;

/** Character-by-character folding: removals, Arabic letter unification, digits and case. */
final class CharFolding {

    private CharFolding() {
    }

    /** Zero-width, joiner, bidirectional control, variation selector and byte-order-mark characters. */
    static boolean isInvisible(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x180E
                || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x206F)
                || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFEFF;
    }

    /** Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks, and tatweel. */
    static boolean isArabicMark(int c) {
        return (c >= 0x0610 && c <= 0x061A)
                || (c >= 0x064B && c <= 0x065F)
                || c == 0x0670
                || (c >= 0x06D6 && c <= 0x06DC)
                || (c >= 0x06DF && c <= 0x06E8)
                || (c >= 0x06EA && c <= 0x06ED)
                || c == 0x0640;
    }

    /** Invisible characters are all in the BMP and none is a surrogate, so a char scan finds them. */
    static String removeInvisible(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !isInvisible(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isInvisible(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.charAt(i);
            if (c < 0x80) { // ASCII: only case folding applies
                out.append((char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
                i++;
                continue;
            }
            c = s.codePointAt(i);
            i += Character.charCount(c);
            if (isInvisible(c) || isArabicMark(c)) {
                continue;
            }
            out.appendCodePoint(foldOne(c));
        }
        return out.toString();
    }

    private static int foldOne(int c) {
        switch (c) {
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673:
                return 0x0627; // alef with madda / hamza above / hamza below / wasla → bare alef
            case 0x0649, 0x06CC, 0x06D0:
                return 0x064A; // alef maqsura, Persian yeh, Urdu yeh → Arabic yeh
            case 0x0629, 0x06C0, 0x06D5, 0x06BE, 0x06C1:
                return 0x0647; // teh marbuta, heh with yeh, Kurdish ae, heh doachashmee, heh goal → heh
            case 0x06A9:
                return 0x0643; // Persian keheh → kaf
            default:
                break;
        }
        if (c > 0x7F && Character.isDigit(c)) {
            return '0' + Character.digit(c, 10); // Arabic-Indic, Persian and any other decimal digits
        }
        return Character.toLowerCase(c);
    }
}
