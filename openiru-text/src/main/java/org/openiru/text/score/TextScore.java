package org.openiru.text.score;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openiru.text.analysis.InputFlag;
import org.openiru.text.analysis.Language;
import org.openiru.text.classify.Label;

/**
 * The result of scoring one item. {@code score} is the sum of the reasons' weights; {@code priority} is
 * that sum clamped to 0–100. {@code model} names the classifier and reference-data versions used.
 */
public record TextScore(double score, int priority, Priority band, Label label, Language language,
                        List<Reason> reasons, Map<Label, Double> probabilities, Set<InputFlag> flags,
                        String model) {
    public TextScore {
        reasons = List.copyOf(reasons);
        probabilities = Map.copyOf(probabilities);
        flags = Set.copyOf(flags);
    }
}
