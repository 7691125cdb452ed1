package org.openiru.text.lexicon;

import java.util.List;
import org.openiru.text.analysis.Token;

/**
 * Finds the words of a text that stand inside quotation marks as reported speech: a pair of " " or “ ”
 * or „ “ or « » or ‹ › on one line, in a sentence that has at least {@value #FRAME_WORDS} words of its own
 * outside the quotation ("the post ended with «…»", "They call themselves "…"."). A quotation without such a
 * frame is not reported speech but the text itself in quotes, so a post cannot hide its words by quoting
 * all of them. Unclosed quotation marks quote nothing. Single quotes are left alone: in English they are
 * mostly apostrophes.
 */
final class Quotations {

    static final int FRAME_WORDS = 3;

    private Quotations() {
    }

    /** Per token: inside a framed quotation. */
    static boolean[] quotedTokens(String normalized, List<Token> tokens) {
        boolean[] quoted = new boolean[tokens.size()];
        char closer = 0;
        int open = -1;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (closer != 0 && (c == closer || (closer == '”' && c == '"') || (closer == '“' && c == '”'))) {
                mark(tokens, open, i, quoted);
                closer = 0;
            } else if (closer != 0 && c == '\n') {
                closer = 0; // a quotation does not run over a line: the mark was not an opening one
            } else if (closer == 0) {
                closer = closerOf(c);
                open = i;
            }
        }
        return quoted;
    }

    private static char closerOf(char c) {
        return switch (c) {
            case '"' -> '"';
            case '“' -> '”';
            case '„' -> '“';
            case '«' -> '»';
            case '‹' -> '›';
            default -> 0;
        };
    }

    /** Marks the tokens between the marks at {@code open} and {@code close} when their sentences frame them. */
    private static void mark(List<Token> tokens, int open, int close, boolean[] quoted) {
        int first = -1;
        int end = -1;
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.start() > open && token.end() <= close) {
                first = first < 0 ? t : first;
                end = t + 1;
            }
        }
        if (first < 0) {
            return;
        }
        int fromSentence = tokens.get(first).sentence();
        int toSentence = tokens.get(end - 1).sentence();
        int frame = 0;
        for (int t = 0; t < tokens.size(); t++) {
            int s = tokens.get(t).sentence();
            if ((t < first || t >= end) && s >= fromSentence && s <= toSentence && !quoted[t]) {
                frame++;
            }
        }
        if (frame >= FRAME_WORDS) {
            for (int t = first; t < end; t++) {
                quoted[t] = true;
            }
        }
    }
}
