package org.openiru.text.score;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openiru.text.lexicon.ContextualHit;
import org.openiru.text.lexicon.Entity;
import org.openiru.text.lexicon.HitContext;
import org.openiru.text.lexicon.ReferenceData;
import org.openiru.text.lexicon.TermClass;

/**
 * Turns contextual hits into reasons: asserted hits of a class, one reason per distinct term, weighted
 * base, base/2, base/4…; hits discounted by their context as zero-weight reasons that say why.
 */
final class LexiconReasons {

    private final Map<String, String> entityNames = new LinkedHashMap<>();

    LexiconReasons(ReferenceData reference) {
        for (Entity e : reference.entities()) {
            entityNames.put(e.id(), e.name());
        }
    }

    List<Reason> reasons(List<ContextualHit> hits) {
        Map<TermClass, Map<String, Integer>> asserted = new EnumMap<>(TermClass.class);
        Map<String, String> entityOfTerm = new LinkedHashMap<>();
        Map<String, ContextualHit> discounted = new LinkedHashMap<>();
        for (ContextualHit h : hits) {
            String term = h.hit().term();
            if (h.hit().termClass() == TermClass.NEGATION) {
                continue; // a stance word: it shows as the context of what it negates
            }
            if (h.context() == HitContext.ASSERTED) {
                asserted.computeIfAbsent(h.hit().termClass(), c -> new LinkedHashMap<>()).merge(term, 1, Integer::sum);
                if (h.hit().entityId() != null) {
                    entityOfTerm.put(term, entityNames.getOrDefault(h.hit().entityId(), h.hit().entityId()));
                }
            } else {
                discounted.putIfAbsent(h.context() + "|" + term, h);
            }
        }
        List<Reason> out = new ArrayList<>();
        asserted.forEach((termClass, terms) -> {
            ReasonCode code = ReasonCode.of(termClass);
            double weight = code.weight();
            for (Map.Entry<String, Integer> t : terms.entrySet()) {
                out.add(Reason.of(code, weight, t.getKey(), String.valueOf(t.getValue()),
                        entityOfTerm.getOrDefault(t.getKey(), "")));
                weight /= 2;
            }
        });
        for (ContextualHit h : discounted.values()) {
            out.add(Reason.of(ReasonCode.of(h.context()), 0, h.hit().term(),
                    h.because() == null ? "" : h.because().term()));
        }
        return out;
    }
}
