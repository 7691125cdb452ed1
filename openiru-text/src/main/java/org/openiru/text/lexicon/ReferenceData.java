package org.openiru.text.lexicon;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The versioned reference data: entities and term lists. Immutable. */
public record ReferenceData(String version, List<Entity> entities, Map<TermClass, List<String>> terms) {
    public ReferenceData {
        entities = List.copyOf(entities);
        EnumMap<TermClass, List<String>> copy = new EnumMap<>(TermClass.class);
        terms.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        terms = java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> terms(TermClass termClass) {
        return terms.getOrDefault(termClass, List.of());
    }
}
