package org.openiru.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.openiru.ingest.url.Outlink;

/**
 * One item as a source delivers it, before it is stored. {@code container} is where it was posted (the
 * channel or group; its external id is the item's external container), {@code actor} who posted it; all
 * actors are on the item's platform.
 * {@code raw} is the source's own record, kept as evidence. {@code outlinks} are added to the item's links
 * (a link once seen stays recorded, whichever version carried it).
 */
public record IncomingItem(String canonicalUrl, Long platformId, ActorRef container, String externalId,
                           ActorRef actor, ActorRef forwardedFrom, String replyTo, Instant postedAt,
                           Instant editedAt, String text, JsonNode raw, List<MediaRef> media,
                           List<Outlink> outlinks) {
    /** An item whose links are not (yet) extracted by its connector. */
    public IncomingItem(String canonicalUrl, Long platformId, ActorRef container, String externalId, ActorRef actor,
                        ActorRef forwardedFrom, String replyTo, Instant postedAt, Instant editedAt, String text,
                        JsonNode raw, List<MediaRef> media) {
        this(canonicalUrl, platformId, container, externalId, actor, forwardedFrom, replyTo, postedAt, editedAt,
                text, raw, media, List.of());
    }
}
