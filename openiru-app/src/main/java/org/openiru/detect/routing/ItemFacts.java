package org.openiru.detect.routing;

import java.util.List;

/**
 * What routing rules look at: one item as detection and ingest left it. {@code band}, {@code label} and
 * {@code language} are null for an item not scored yet.
 */
public record ItemFacts(long itemId, List<String> reasons, int priority, String band, String label,
                        Long platformId, String platform, String language, List<String> mediaTypes,
                        List<String> sourceKinds) {
    public ItemFacts {
        reasons = List.copyOf(reasons);
        mediaTypes = List.copyOf(mediaTypes);
        sourceKinds = List.copyOf(sourceKinds);
    }

    /** A bank hit of one of the item's files is among its reasons. */
    public boolean hashMatch() {
        return reasons.contains(RoutingRule.HASH_MATCH);
    }
}
