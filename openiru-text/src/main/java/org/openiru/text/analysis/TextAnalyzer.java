package org.openiru.text.analysis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openiru.text.normalize.TextNormalizer;

/**
 * Turns raw input into an {@link AnalyzedText}: bounds its length, decodes bytes, normalises, tokenises,
 * detects the language and records {@link InputFlag}s. Never throws on content.
 */
public final class TextAnalyzer {

    /** Scoring a prefix keeps the cost of one item bounded; 20,000 chars is far beyond a typical post. */
    public static final int DEFAULT_MAX_CHARS = 20_000;

    private final int maxChars;

    public TextAnalyzer() {
        this(DEFAULT_MAX_CHARS);
    }

    public TextAnalyzer(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive");
        }
        this.maxChars = maxChars;
    }

    public AnalyzedText analyze(String text) {
        return analyze(text == null ? "" : text, EnumSet.noneOf(InputFlag.class));
    }

    /** Decodes UTF-8, replacing malformed sequences with U+FFFD and flagging that they were there. */
    public AnalyzedText analyze(byte[] utf8) {
        Set<InputFlag> flags = EnumSet.noneOf(InputFlag.class);
        byte[] bytes = utf8 == null ? new byte[0] : utf8;
        String text;
        try {
            text = strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            flags.add(InputFlag.INVALID_UTF8);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        return analyze(text, flags);
    }

    private AnalyzedText analyze(String text, Set<InputFlag> flags) {
        String bounded = text;
        if (text.length() > maxChars) {
            flags.add(InputFlag.TRUNCATED);
            int end = maxChars;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never cut a surrogate pair in half
            }
            bounded = text.substring(0, end);
        }
        scanRaw(bounded, flags);
        String normalized = TextNormalizer.normalize(bounded);
        List<Token> tokens = Tokenizer.tokenize(normalized);
        if (normalized.isEmpty()) {
            flags.add(InputFlag.EMPTY);
        } else if (!hasLetter(normalized)) {
            flags.add(InputFlag.NO_LETTERS);
        }
        Language language = LanguageDetector.detect(normalized, tokens);
        return new AnalyzedText(normalized, tokens, language, flags, text.length(), bounded.length());
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isLetter(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static void scanRaw(String text, Set<InputFlag> flags) {
        boolean latin = false;
        boolean confusable = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isBidiControl(c)) {
                flags.add(InputFlag.BIDI_CONTROLS);
            }
            if (!Character.isLetter(c)) {
                if (latin && confusable) {
                    flags.add(InputFlag.MIXED_SCRIPT_WORDS);
                }
                latin = false;
                confusable = false;
                continue;
            }
            Character.UnicodeScript script = Scripts.of(c);
            latin |= script == Character.UnicodeScript.LATIN;
            confusable |= script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK;
        }
        if (latin && confusable) {
            flags.add(InputFlag.MIXED_SCRIPT_WORDS);
        }
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
