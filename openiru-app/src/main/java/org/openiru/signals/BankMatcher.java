package org.openiru.signals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openiru.hashing.banks.SignalType;

/**
 * Matches signals against the enabled banks: entries of enabled banks that have not expired, within each
 * bank's threshold; a match in a negative bank cancels the positive ones (they are returned, marked).
 */
public final class BankMatcher {
    private final SignalIndex index;
    private final Banks banks;

    public BankMatcher(SignalIndex index, Banks banks) {
        this.index = index;
        this.banks = banks;
    }

    /** Matches of all the signals of one piece of content; {@code onlyBanks} (may be null) limits the banks. */
    public List<BankMatch> match(Map<SignalType, String> signals, Set<String> onlyBanks) {
        Instant now = Instant.now();
        List<SignalIndex.Hit> hits = new ArrayList<>();
        signals.forEach((type, value) -> index.query(type, value).stream()
                .filter(h -> h.bank().enabled() && h.entry().activeAt(now))
                .filter(h -> onlyBanks == null || onlyBanks.contains(h.bank().name()))
                .forEach(hits::add));
        if (hits.isEmpty()) {
            return List.of();
        }
        String cancelReason = hits.stream().filter(h -> h.bank().negative()).min(Comparator.comparingInt(SignalIndex.Hit::distance))
                .map(h -> "matches negative bank " + h.bank().name() + " (entry " + h.entry().id() + ", "
                        + h.entry().type().wireName() + " distance " + h.distance() + ")")
                .orElse("");
        Map<Long, Entry> labels = banks.entriesById(hits.stream().map(h -> h.entry().id()).toList());
        List<BankMatch> out = new ArrayList<>(hits.size());
        for (SignalIndex.Hit h : hits) {
            Entry e = labels.get(h.entry().id());
            if (e == null) {
                continue; // removed since the query; the index hears of it in a moment
            }
            boolean cancelled = !cancelReason.isEmpty() && !h.bank().negative();
            out.add(new BankMatch(h.bank().id(), h.bank().name(), h.bank().kind(), e.id(), e.contentId(),
                    e.signalType(), e.value(), h.distance(), e.entity(), e.tags(), cancelled,
                    cancelled ? cancelReason : ""));
        }
        out.sort(Comparator.comparingInt(BankMatch::distance).thenComparingLong(BankMatch::entryId));
        return out;
    }
}
