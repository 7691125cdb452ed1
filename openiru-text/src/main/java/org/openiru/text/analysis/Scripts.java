package org.openiru.text.analysis;

/**
 * {@link Character.UnicodeScript#of(int)} with a table for the first 2,048 code points (Latin, Greek,
 * Cyrillic, Arabic): the JDK method is a binary search over all script ranges, and language detection
 * asks it for every letter of every text.
 */
final class Scripts {

    private static final int TABLE_SIZE = 0x0800;
    private static final Character.UnicodeScript[] TABLE = new Character.UnicodeScript[TABLE_SIZE];

    static {
        for (int c = 0; c < TABLE_SIZE; c++) {
            TABLE[c] = Character.UnicodeScript.of(c);
        }
    }

    private Scripts() {
    }

    static Character.UnicodeScript of(int codePoint) {
        return codePoint >= 0 && codePoint < TABLE_SIZE ? TABLE[codePoint] : Character.UnicodeScript.of(codePoint);
    }
}
