package org.openiru.text.score;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openiru.text.analysis.InputFlag;
import org.openiru.text.analysis.Language;
import org.openiru.text.classify.Label;

/**
 * The result of scoring one item. {@code score} is the sum of the reasons' weights; {@code priority} is
 * that sum clamped to 0–100. {@code model} names the classifier and reference-data versions used.
 * {@code probabilities} and {@code flags} iterate in enum order (stable JSON from one run to the next).
 */
public record TextScore(double score, int priority, Priority band, Label label, Language language,
                        List<Reason> reasons, Map<Label, Double> probabilities, Set<InputFlag> flags,
                        String model) {
    public TextScore {
        reasons = List.copyOf(reasons);
        probabilities = Collections.unmodifiableMap(
                probabilities.isEmpty() ? new EnumMap<>(Label.class) : new EnumMap<>(probabilities));
        flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(InputFlag.class) : EnumSet.copyOf(flags));
    }
}
