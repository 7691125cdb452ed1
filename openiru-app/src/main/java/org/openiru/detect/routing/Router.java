package org.openiru.detect.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses the queue of a new case from the rules: in position order, the first enabled rule whose every set
 * condition holds for the item wins, and the route says which conditions held with the item's values, so that the
 * case page can explain it. No rule: the general queue.
 */
public final class Router {
    public static final String DEFAULT_QUEUE = org.openiru.review.Cases.DEFAULT_QUEUE;

    private Router() {
    }

    /** One condition of the matched rule: what the rule asks and what the item had. */
    public record Condition(String field, String expected, String actual) {
    }

    /** Where a case goes and why; {@code rule} null: no rule matched. */
    public record Route(RoutingRule rule, String queue, List<Condition> conditions) {
        /** The matched rule takes a sample (one in n), so it may open a case for an item that is no priority. */
        public boolean sample() {
            return rule != null && rule.sampleEvery() > 1;
        }
    }

    public static Route route(List<RoutingRule> rules, ItemFacts item) {
        for (RoutingRule r : rules) {
            if (r.enabled()) {
                Optional<List<Condition>> held = match(r, item);
                if (held.isPresent()) {
                    return new Route(r, r.queue(), held.get());
                }
            }
        }
        return new Route(null, DEFAULT_QUEUE, List.of());
    }

    /** The rule's conditions with the item's values when all hold (a sample counts as one), else empty. */
    static Optional<List<Condition>> match(RoutingRule r, ItemFacts f) {
        List<Condition> held = new ArrayList<>();
        boolean all = check(held, "reason", r.reason(), () -> f.reasons().stream().filter(c -> r.reason().endsWith(".")
                        ? c.startsWith(r.reason()) : c.equals(r.reason())).findFirst())
                && check(held, "min_priority", r.minPriority(), () -> priority(f, f.priority() >= r.minPriority()))
                && check(held, "max_priority", r.maxPriority(), () -> priority(f, f.priority() <= r.maxPriority()))
                && check(held, "label", r.label(), () -> Optional.ofNullable(f.label()).filter(r.label()::equals))
                && check(held, "platform", r.platformId() == null ? null : r.platform(),
                        () -> r.platformId().equals(f.platformId()) ? Optional.of(f.platform()) : Optional.empty())
                && check(held, "language", r.language(),
                        () -> Optional.ofNullable(f.language()).filter(r.language()::equals))
                && check(held, "media_type", r.mediaType(),
                        () -> f.mediaTypes().stream().filter(m -> m.startsWith(r.mediaType())).findFirst())
                && check(held, "source_kind", r.sourceKind(),
                        () -> f.sourceKinds().stream().filter(r.sourceKind()::equals).findFirst())
                && check(held, "sample", r.sampleEvery() > 1 ? r.sampleEvery() : null,
                        () -> inSample(f.itemId(), r.sampleEvery()) ? Optional.of(String.valueOf(f.itemId()))
                                : Optional.empty());
        return all ? Optional.of(held) : Optional.empty();
    }

    /**
     * One condition: not set ({@code expected} null) holds and is not shown; set, it holds when {@code actual} gives
     * the item's value that satisfies it, which is kept for the explanation.
     */
    private static boolean check(List<Condition> held, String field, Object expected,
                                 Supplier<Optional<String>> actual) {
        if (expected == null) {
            return true;
        }
        Optional<String> value = actual.get();
        value.ifPresent(v -> held.add(new Condition(field, String.valueOf(expected), v)));
        return value.isPresent();
    }

    private static Optional<String> priority(ItemFacts f, boolean holds) {
        return holds ? Optional.of(String.valueOf(f.priority())) : Optional.empty();
    }

    /**
     * One in {@code every} items, chosen by a mix of the item id: the same item always gets the same answer (routing
     * it again cannot draw again), and consecutive ids do not fall in step with the sample.
     */
    static boolean inSample(long itemId, int every) {
        long x = (itemId ^ (itemId >>> 33)) * 0xFF51AFD7ED558CCDL;
        x = (x ^ (x >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return Long.remainderUnsigned(x ^ (x >>> 33), every) == 0;
    }
}
