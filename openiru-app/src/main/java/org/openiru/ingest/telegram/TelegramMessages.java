package org.openiru.ingest.telegram;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openiru.evidence.BlobStore;
import org.openiru.evidence.EvidenceException;
import org.openiru.evidence.SafePaths;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.ImportError;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.MediaRef;
import org.openiru.ingest.RawRecords;
import org.openiru.ingest.url.CanonicalUrl;

/**
 * Turns the messages of one export into items: address, actors, text, dates, media (stored as blobs, or
 * recorded as missing). Service messages (joins, pins, …) are skipped and counted.
 */
final class TelegramMessages {
    /** How Telegram Desktop marks a file the export settings left out. */
    static final String NOT_INCLUDED = "(File not included.";
    private static final String[] MEDIA_FIELDS = {"photo", "file", "thumbnail"};

    private final Long platformId;
    private final Path exportFile;
    private final Path exportDir;
    private final BlobStore blobs;
    private final long maxFileBytes;
    private final IngestRun run;
    /** Chats seen so far by name, to resolve forwards that carry only the name of their origin. */
    private final Map<String, TelegramChat> chatsByName = new HashMap<>();

    TelegramMessages(Long platformId, Path exportFile, BlobStore blobs, long maxFileBytes, IngestRun run) {
        this.platformId = platformId;
        this.exportFile = exportFile;
        this.exportDir = exportFile.toAbsolutePath().getParent();
        this.blobs = blobs;
        this.maxFileBytes = maxFileBytes;
        this.run = run;
    }

    void add(TelegramChat chat, ObjectNode m, byte[] raw, JsonLocation at) {
        chatsByName.putIfAbsent(chat.name(), chat);
        if ("service".equals(m.path("type").asText())) {
            run.skipped();
            return;
        }
        JsonNode id = m.path("id");
        if (!id.isIntegralNumber() || chat.id().isEmpty()) {
            run.failed(error(at, m, chat.id().isEmpty() ? "the chat has no id" : "the message has no numeric id"));
            return;
        }
        String messageId = id.asText();
        TelegramText text = TelegramText.of(m);
        ActorRef container = new ActorRef(platformId, chat.peerId(), chat.username(), chat.name(), chat.actorKind());
        run.add(new IncomingItem(address(chat, messageId), platformId, container, messageId,
                author(chat, container, m), forwardedFrom(m), textOrNull(m.get("reply_to_message_id")),
                time(m, "date"), time(m, "edited"), RawRecords.withoutNul(text.text()), raw,
                text::outlinks, media(m, at)));
    }

    /**
     * The canonical t.me address when the chat's username is known (the same key the channel-page collector
     * finds), else a stable internal locator, so that re-imports of private chats are idempotent too.
     */
    private static String address(TelegramChat chat, String messageId) {
        String locator = "tg-private://" + chat.id() + "/" + messageId;
        return chat.hasPublicAddress()
                ? CanonicalUrl.of("https://t.me/" + chat.username() + "/" + messageId).orElse(locator) : locator;
    }

    private ActorRef author(TelegramChat chat, ActorRef container, JsonNode m) {
        String fromId = textOrNull(m.get("from_id"));
        if (chat.isChannel() || fromId == null) {
            return container;
        }
        return new ActorRef(platformId, fromId, null, m.path("from").asText(""), kindOf(fromId));
    }

    /** By the origin's id when the export has it, else by name: a chat of this export, or a name-only actor. */
    private ActorRef forwardedFrom(JsonNode m) {
        String name = textOrNull(m.get("forwarded_from"));
        String id = textOrNull(m.get("forwarded_from_id"));
        if (id != null) {
            return new ActorRef(platformId, id, null, name, kindOf(id));
        }
        if (name == null) {
            return null;
        }
        TelegramChat known = chatsByName.get(name);
        return known != null
                ? new ActorRef(platformId, known.peerId(), known.username(), name, known.actorKind())
                : new ActorRef(platformId, "name:" + name, null, name, "unknown");
    }

    private List<MediaRef> media(JsonNode m, JsonLocation at) {
        List<MediaRef> media = new ArrayList<>(1);
        for (String field : MEDIA_FIELDS) {
            String name = textOrNull(m.get(field));
            if (name == null) {
                continue;
            }
            String role = field.equals("file") && m.path("media_type").asText().startsWith("video") ? "video" : field;
            if (name.startsWith(NOT_INCLUDED)) {
                media.add(new MediaRef(role, m.path("file_name").asText(""), null));
                continue;
            }
            try {
                Path file = SafePaths.resolveInside(exportDir, name);
                media.add(new MediaRef(role, name, Files.isRegularFile(file)
                        ? blobs.put(file, name, maxFileBytes).sha256() : null));
            } catch (EvidenceException e) {
                run.error(error(at, m, e.getMessage()));
            } catch (IOException e) {
                run.error(error(at, m, "file " + name + " could not be stored: " + e.getMessage()));
                media.add(new MediaRef(role, name, null));
            }
        }
        return media;
    }

    private ImportError error(JsonLocation at, JsonNode m, String message) {
        return new ImportError(exportFile.toString(), TelegramImporter.position(at)
                + (m.has("id") ? ", message " + m.get("id").asText() : ""), message);
    }

    private static String kindOf(String peerId) {
        if (peerId.startsWith("user")) {
            return "user";
        }
        if (peerId.startsWith("channel")) {
            return "channel";
        }
        return peerId.startsWith("chat") ? "group" : "unknown";
    }

    /** {@code <field>_unixtime} when the export has it (exact), else the local time written as UTC. */
    private static Instant time(JsonNode m, String field) {
        JsonNode unix = m.get(field + "_unixtime");
        if (unix != null && unix.asLong(-1) >= 0) {
            return Instant.ofEpochSecond(unix.asLong());
        }
        String local = textOrNull(m.get(field));
        try {
            return local == null ? null : LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }
}
