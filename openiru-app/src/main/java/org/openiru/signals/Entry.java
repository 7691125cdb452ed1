package org.openiru.signals;

import java.time.Instant;
import java.util.List;

/** One signal in a bank with its labels, and how many units confirmed it or called it a false positive. */
public record Entry(long id, long bankId, long contentId, String signalType, String value, String entity,
                    List<String> tags, String note, String addedBy, Instant addedAt, Instant enabledUntil,
                    long confirmed, long falsePositive) {
}
