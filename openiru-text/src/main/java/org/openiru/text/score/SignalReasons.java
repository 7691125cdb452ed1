package org.openiru.text.score;

import java.util.ArrayList;
import java.util.List;

/** Reasons from what the platform already knows about an item (hash banks, actors, outlinks). */
final class SignalReasons {

    private SignalReasons() {
    }

    static List<Reason> reasons(Signals signals) {
        List<Reason> out = new ArrayList<>();
        for (Signals.HashMatch m : signals.hashMatches()) {
            // Closer matches weigh more: an exact match gets the full weight, one at the threshold half.
            double closeness = m.threshold() <= 0 ? 1 : 1 - 0.5 * Math.min(1.0, (double) m.distance() / m.threshold());
            out.add(Reason.of(ReasonCode.SIGNAL_HASH_MATCH, ReasonCode.SIGNAL_HASH_MATCH.weight() * closeness,
                    m.bank(), m.signalType(), String.valueOf(m.distance()), String.join(", ", m.labels())));
        }
        if (signals.actorHistory() != null && signals.actorHistory().terroristItems() > 0) {
            out.add(Reason.of(ReasonCode.SIGNAL_ACTOR_HISTORY, ReasonCode.SIGNAL_ACTOR_HISTORY.weight(),
                    signals.actorHistory().actor(), String.valueOf(signals.actorHistory().terroristItems())));
        }
        if (signals.forwardedFrom() != null && signals.forwardedFrom().terroristItems() > 0) {
            out.add(Reason.of(ReasonCode.SIGNAL_FORWARDED_FROM, ReasonCode.SIGNAL_FORWARDED_FROM.weight(),
                    signals.forwardedFrom().actor(), String.valueOf(signals.forwardedFrom().terroristItems())));
        }
        for (Signals.OutlinkAssessment o : signals.outlinks()) {
            ReasonCode code = o.exactUrl() ? ReasonCode.SIGNAL_OUTLINK_URL : ReasonCode.SIGNAL_OUTLINK_HOST;
            out.add(Reason.of(code, code.weight(), o.url(), o.assessment()));
        }
        return out;
    }
}
