package org.openiru.text.lexicon;

/**
 * One lexicon match. {@code term} is the reference-data spelling; {@code entityId} names the entity for
 * entity names, outlets and exonyms (otherwise null). Token indexes are {@code [firstToken, endToken)};
 * char offsets and {@code snippet} refer to the normalised text.
 */
public record Hit(TermClass termClass, String term, String entityId, int firstToken, int endToken,
                  int start, int end, String snippet) {
}
