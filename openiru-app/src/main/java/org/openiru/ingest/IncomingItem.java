package org.openiru.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.openiru.ingest.url.Outlink;

/**
 * One item as a source delivers it, before it is stored. {@code container} is where it was posted (the
 * channel or group; its external id is the item's external container), {@code actor} who posted it; all
 * actors are on the item's platform.
 * {@code raw} is the source's own record, kept as evidence.
 */
public record IncomingItem(String canonicalUrl, Long platformId, ActorRef container, String externalId,
                           ActorRef actor, ActorRef forwardedFrom, String replyTo, Instant postedAt,
                           Instant editedAt, String text, JsonNode raw, List<Outlink> outlinks,
                           List<MediaRef> media) {
}
