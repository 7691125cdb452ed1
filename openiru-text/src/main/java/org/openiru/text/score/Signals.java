package org.openiru.text.score;

import java.util.List;

/**
 * What the rest of the platform knows about an item beyond its text; every part is optional. The app
 * fills it from the signals, actor and outlink tables when they exist.
 */
public record Signals(List<HashMatch> hashMatches, ActorHistory actorHistory, ActorHistory forwardedFrom,
                      List<OutlinkAssessment> outlinks) {

    public static final Signals NONE = new Signals(List.of(), null, null, List.of());

    public Signals {
        hashMatches = List.copyOf(hashMatches == null ? List.of() : hashMatches);
        outlinks = List.copyOf(outlinks == null ? List.of() : outlinks);
    }

    /** A media hash of the item within {@code threshold} of a bank entry ({@code distance} 0 for exact). */
    public record HashMatch(String bank, String signalType, int distance, int threshold, List<String> labels) {
        public HashMatch {
            labels = List.copyOf(labels == null ? List.of() : labels);
        }
    }

    /** An actor (the author, or the account a post was forwarded from) and their items assessed as terrorist. */
    public record ActorHistory(String actor, int terroristItems) {
    }

    /** An outlink whose URL ({@code exactUrl}) or host was already assessed, e.g. "terrorist content". */
    public record OutlinkAssessment(String url, boolean exactUrl, String assessment) {
    }
}
