package org.openiru.detect.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        if (r.reason() != null) {
            Optional<String> code = f.reasons().stream().filter(c -> r.reason().endsWith(".")
                    ? c.startsWith(r.reason()) : c.equals(r.reason())).findFirst();
            if (code.isEmpty()) {
                return Optional.empty();
            }
            held.add(new Condition("reason", r.reason(), code.get()));
        }
        if (r.minPriority() != null) {
            if (f.priority() < r.minPriority()) {
                return Optional.empty();
            }
            held.add(new Condition("min_priority", String.valueOf(r.minPriority()), String.valueOf(f.priority())));
        }
        if (r.maxPriority() != null) {
            if (f.priority() > r.maxPriority()) {
                return Optional.empty();
            }
            held.add(new Condition("max_priority", String.valueOf(r.maxPriority()), String.valueOf(f.priority())));
        }
        if (r.label() != null) {
            if (!r.label().equals(f.label())) {
                return Optional.empty();
            }
            held.add(new Condition("label", r.label(), f.label()));
        }
        if (r.platformId() != null) {
            if (!r.platformId().equals(f.platformId())) {
                return Optional.empty();
            }
            held.add(new Condition("platform", r.platform(), f.platform()));
        }
        if (r.language() != null) {
            if (!r.language().equals(f.language())) {
                return Optional.empty();
            }
            held.add(new Condition("language", r.language(), f.language()));
        }
        if (r.mediaType() != null) {
            Optional<String> media = f.mediaTypes().stream().filter(m -> m.startsWith(r.mediaType())).findFirst();
            if (media.isEmpty()) {
                return Optional.empty();
            }
            held.add(new Condition("media_type", r.mediaType(), media.get()));
        }
        if (r.sourceKind() != null) {
            if (!f.sourceKinds().contains(r.sourceKind())) {
                return Optional.empty();
            }
            held.add(new Condition("source_kind", r.sourceKind(), r.sourceKind()));
        }
        if (r.sampleEvery() > 1) {
            if (!inSample(f.itemId(), r.sampleEvery())) {
                return Optional.empty();
            }
            held.add(new Condition("sample", String.valueOf(r.sampleEvery()), String.valueOf(f.itemId())));
        }
        return Optional.of(held);
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
