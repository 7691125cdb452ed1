package org.openiru.text.analysis;

/**
 * One word of normalised text. {@code key} is what the lexicon matches: Arabic with its clitic prefixes
 * (و ال ب ك ف لل) stripped, English Porter-stemmed. Offsets are char offsets into the normalised text;
 * {@code sentence} counts sentence boundaries before the token.
 */
public record Token(String text, String key, int start, int end, int sentence) {
}
