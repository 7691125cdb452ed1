package org.openiru.ingest;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.openiru.ingest.url.Outlink;

/**
 * One item as a source delivers it, before it is stored. {@code container} is where it was posted (the
 * channel or group; its external id is the item's external container), {@code actor} who posted it; all
 * actors are on the item's platform.
 * {@code raw} is the source's own record, kept as evidence: UTF-8 JSON text without U+0000 (as
 * {@link RawRecords} makes it, or the bytes the source delivered when they are JSON already). {@code outlinks} is asked only for items that
 * are stored (new or changed): finding links costs, and a re-import is mostly duplicates.
 */
public record IncomingItem(String canonicalUrl, Long platformId, ActorRef container, String externalId,
                           ActorRef actor, ActorRef forwardedFrom, String replyTo, Instant postedAt,
                           Instant editedAt, String text, byte[] raw, Supplier<List<Outlink>> outlinks,
                           List<MediaRef> media) {
}
