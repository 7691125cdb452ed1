package org.openiru.ingest;

/**
 * An account, channel or site as a source names it. {@code externalId} is the platform's own stable id
 * (Telegram's {@code channel123}, {@code user42}); actors are unique per platform and external id.
 */
public record ActorRef(Long platformId, String externalId, String handle, String displayName, String kind) {
    public ActorRef {
        if (externalId == null || externalId.isEmpty()) {
            throw new IllegalArgumentException("an actor needs an external id");
        }
        displayName = displayName == null ? "" : displayName;
    }

    /** Two references to the same actor share this key. */
    String key() {
        return platformId + "/" + externalId;
    }
}
