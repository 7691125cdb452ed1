package org.openiru.text.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {

    @Test
    void findsOverlappingMultiWordPatternsOnWordBoundaries() {
        AhoCorasick<String> ac = AhoCorasick.<String>builder()
                .add(List.of("islam", "state"), "entity")
                .add(List.of("so", "call"), "distance")
                .add(List.of("so", "call", "islam", "state", "group"), "long")
                .add(List.of("state"), "word")
                .build();
        List<String> found = new ArrayList<>();
        ac.match(List.of("the", "so", "call", "islam", "state", "said"),
                (end, p) -> found.add(p.value() + "@" + (end - p.length()) + "-" + end));
        assertThat(found).containsExactlyInAnyOrder("distance@1-3", "entity@3-5", "word@4-5");
    }

    @Test
    void lexiconMatchesNormalisedAndStemmedText() {
        Lexicon lexicon = new Lexicon(ReferenceDataLoader.loadDefault());
        var text = new org.openiru.text.analysis.TextAnalyzer().analyze("إصدار جديد من وكالـــة أَعْمَاق والمكتب");
        assertThat(lexicon.match(text)).extracting(Hit::termClass, Hit::term)
                .contains(org.assertj.core.groups.Tuple.tuple(TermClass.OUTLET_ATTRIBUTION, "إصدار جديد"),
                        org.assertj.core.groups.Tuple.tuple(TermClass.OUTLET, "Amaq News Agency"));
    }

    @Test
    void referenceDataHasVersionAndEveryTermClass() {
        ReferenceData data = ReferenceDataLoader.loadDefault();
        assertThat(data.version()).isNotBlank();
        for (TermClass c : TermClass.values()) {
            if (c != TermClass.ENTITY_NAME && c != TermClass.OUTLET) {
                assertThat(data.terms(c)).as(c.id()).isNotEmpty();
            }
        }
        assertThat(data.entities()).extracting(Entity::id).contains("isis", "al-qaeda");
    }
}
