package org.openiru.text.analysis;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A text ready for matching and classification. {@code originalLength} is in chars of the input before
 * truncation; offsets in {@link Token} refer to {@code normalized}. {@code flags} iterate in enum order,
 * so the reasons made from them come in the same order on every run.
 */
public record AnalyzedText(String normalized, List<Token> tokens, Language language, Set<InputFlag> flags,
                           int originalLength, int scoredLength) {

    public AnalyzedText {
        tokens = List.copyOf(tokens);
        flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(InputFlag.class) : EnumSet.copyOf(flags));
    }

    public boolean has(InputFlag flag) {
        return flags.contains(flag);
    }
}
