package org.openiru.text.analysis;

/** Something about the input that the analyst should know, each explained as a zero-weight reason. */
public enum InputFlag {
    /** Nothing to score after normalisation. */
    EMPTY,
    /** Longer than the scoring limit; only a prefix was scored. */
    TRUNCATED,
    /** The bytes were not valid UTF-8; bad sequences were replaced with U+FFFD. */
    INVALID_UTF8,
    /** Bidirectional override/embedding/isolate controls were present (and removed). */
    BIDI_CONTROLS,
    /** No letters at all (emoji, symbols, digits). */
    NO_LETTERS,
    /** Words mixing Latin with Cyrillic or Greek letters, a common disguise. */
    MIXED_SCRIPT_WORDS
}
