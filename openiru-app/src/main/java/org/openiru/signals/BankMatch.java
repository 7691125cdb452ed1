package org.openiru.signals;

import java.util.List;

/**
 * One bank entry a query matched, with what a person needs to judge it. {@code cancelled} positive matches
 * stand but were overruled by a match in a negative bank, named in {@code cancelReason}.
 */
public record BankMatch(long bankId, String bank, String kind, long entryId, long contentId, String signalType,
                        String value, int distance, String entity, List<String> tags, boolean cancelled,
                        String cancelReason) {
}
