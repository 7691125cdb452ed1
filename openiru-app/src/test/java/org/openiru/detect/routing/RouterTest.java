package org.openiru.detect.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The rules' logic on its own: order, first match, disabled rules, prefixes, the 1-in-n sample. */
class RouterTest {
    private static RoutingRule rule(long id, int position, String queue, String reason, String label, String language,
                                    int sampleEvery, boolean enabled) {
        return new RoutingRule(id, position, "rule " + id, enabled, id, queue, reason, null, null, label, null, null,
                language, null, null, sampleEvery, "test", Instant.EPOCH);
    }

    private static ItemFacts item(long id, String label, String language, String... reasons) {
        return new ItemFacts(id, List.of(reasons), 40, "medium", label, null, null, language, List.of(), List.of());
    }

    @Test
    void theFirstEnabledRuleWhoseConditionsAllHoldWinsAndSaysWhy() {
        List<RoutingRule> rules = List.of(rule(1, 1, "off", null, null, "ar", 1, false),
                rule(2, 2, "lexicon", "lexicon.", "propaganda", null, 1, true),
                rule(3, 3, "arabic", null, null, "ar", 1, true));
        Router.Route r = Router.route(rules, item(7, "propaganda", "ar", "classifier.propaganda", "lexicon.outlet"));
        assertThat(r.queue()).isEqualTo("lexicon");
        assertThat(r.conditions()).containsExactly(new Router.Condition("reason", "lexicon.", "lexicon.outlet"),
                new Router.Condition("label", "propaganda", "propaganda"));
        assertThat(Router.route(rules, item(7, "journalism", "ar", "lexicon.outlet")).queue()).isEqualTo("arabic");
        Router.Route none = Router.route(rules, item(7, "journalism", "en"));
        assertThat(none.queue()).isEqualTo(Router.DEFAULT_QUEUE);
        assertThat(none.rule()).isNull();
    }

    @Test
    void aSampleTakesAboutOneInNTheSameItemAlwaysTheSameAndTheRestGoOn() {
        List<RoutingRule> rules = List.of(rule(1, 1, "sample", null, "journalism", null, 10, true),
                rule(2, 2, "english", null, null, "en", 1, true));
        long sampled = LongStream.rangeClosed(1, 10_000)
                .filter(id -> Router.route(rules, item(id, "journalism", "en")).queue().equals("sample")).count();
        assertThat(sampled).isBetween(850L, 1150L);
        long someSampled = LongStream.rangeClosed(1, 10_000).filter(id -> Router.inSample(id, 10)).findFirst()
                .orElseThrow();
        Router.Route r = Router.route(rules, item(someSampled, "journalism", "en"));
        assertThat(r.sample()).isTrue();
        assertThat(r.conditions()).contains(new Router.Condition("sample", "10", String.valueOf(someSampled)));
        assertThat(Router.route(rules, item(someSampled, "journalism", "en")).queue()).isEqualTo("sample");
        long notSampled = LongStream.rangeClosed(1, 10_000).filter(id -> !Router.inSample(id, 10)).findFirst()
                .orElseThrow();
        assertThat(Router.route(rules, item(notSampled, "journalism", "en")).queue()).isEqualTo("english");
    }
}
