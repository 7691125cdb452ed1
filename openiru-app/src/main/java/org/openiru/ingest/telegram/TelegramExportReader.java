package org.openiru.ingest.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.openiru.ingest.RawRecords;

/**
 * Streams a Telegram Desktop JSON export: a single chat ({@code name, type, id, messages}) or a whole
 * account ({@code chats.list[]}, {@code left_chats.list[]}). Only one message is in memory at a time, as a
 * small tree, with its bytes as read (its raw record: {@link RecordedInput}). A chat's {@code name}/{@code type}/{@code id} must come before its {@code messages}, as
 * Telegram writes them. Limits (nesting depth, string length) stop hostile input with a clear error.
 */
final class TelegramExportReader {
    /** Telegram messages nest four or five levels; anything far deeper is not an export. */
    static final int MAX_NESTING = 64;

    interface Handler {
        /** {@code raw}: the message's record as stored (UTF-8 JSON, no U+0000), usually its bytes as read. */
        void message(TelegramChat chat, ObjectNode message, byte[] raw, JsonLocation at);
    }

    private final ObjectMapper mapper;
    private final String usernameOverride;
    private JsonParser parser;
    private RecordedInput input;

    /** {@code usernameOverride} (nullable) names the chat of a single-chat export. */
    TelegramExportReader(int maxTextChars, String usernameOverride) {
        this.mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING).maxStringLength(maxTextChars).build())
                .build());
        this.usernameOverride = usernameOverride;
    }

    /** Reads to the end; throws {@link com.fasterxml.jackson.core.JsonProcessingException} where the input is broken. */
    void read(InputStream in, Handler handler) throws IOException {
        input = new RecordedInput(in);
        try (JsonParser p = mapper.createParser(input)) {
            parser = p;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p,
                        "not a Telegram export: expected a JSON object at the start");
            }
            readObject(p, handler, true);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected content after the export");
            }
        }
    }

    /** How far the reader is in the input, in bytes (for progress). */
    long bytesRead() {
        return parser == null ? 0 : parser.currentLocation().getByteOffset();
    }

    /** An object that may be a chat (with messages), the account (with chat lists) or both; at its start. */
    private void readObject(JsonParser p, Handler handler, boolean root) throws IOException {
        Map<String, String> header = new HashMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("messages") && value == JsonToken.START_ARRAY) {
                TelegramChat chat = chat(header, root);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonLocation at = p.currentTokenLocation();
                    boolean recorded = input.start(at.getByteOffset());
                    ObjectNode message = p.readValueAsTree();
                    byte[] read = recorded ? input.take(p.currentLocation().getByteOffset()) : null;
                    handler.message(chat, message, raw(message, read), at);
                }
                expect(p, JsonToken.END_ARRAY, "the end of the messages list");
            } else if ((field.equals("chats") || field.equals("left_chats")) && value == JsonToken.START_OBJECT) {
                readChatList(p, handler);
            } else if (value.isScalarValue()) {
                header.put(field, p.getValueAsString());
            } else {
                p.skipChildren();
            }
        }
        expect(p, JsonToken.END_OBJECT, "the end of an object");
    }

    /**
     * The bytes as read when they are the whole object and hold no U+0000 (PostgreSQL cannot store it), else
     * the tree written out with U+0000 replaced: the same record, only formatted differently.
     */
    private static byte[] raw(ObjectNode message, byte[] read) {
        boolean whole = read != null && read.length >= 2 && read[0] == '{' && read[read.length - 1] == '}';
        return whole && !RawRecords.mayContainNul(read) ? read : RawRecords.json(message);
    }

    private void readChatList(JsonParser p, Handler handler) throws IOException {
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            if (p.nextToken() == JsonToken.START_ARRAY && p.currentName().equals("list")) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    readObject(p, handler, false);
                }
                expect(p, JsonToken.END_ARRAY, "the end of the chat list");
            } else {
                p.skipChildren();
            }
        }
        expect(p, JsonToken.END_OBJECT, "the end of the chats object");
    }

    private TelegramChat chat(Map<String, String> header, boolean root) {
        String type = header.getOrDefault("type", "");
        String username = type.startsWith("public_") ? header.get("username") : null;
        if (root && usernameOverride != null) {
            username = usernameOverride;
        }
        return new TelegramChat(header.getOrDefault("id", ""), header.getOrDefault("name", ""), type, username);
    }

    private static void expect(JsonParser p, JsonToken expected, String what) throws IOException {
        if (p.currentToken() != expected) {
            throw new JsonParseException(p, "expected " + what + ", found "
                    + p.currentToken());
        }
    }
}
