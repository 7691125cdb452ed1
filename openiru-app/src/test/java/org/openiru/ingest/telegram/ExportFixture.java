package org.openiru.ingest.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openiru.app.Json;

/** Synthetic Telegram Desktop exports for tests ([synthetic]: made-up outlets and neutral text). */
public final class ExportFixture {
    private ExportFixture() {
    }

    public static ObjectNode chat(String name, String type, long id) {
        ObjectNode chat = Json.MAPPER.createObjectNode().put("name", name).put("type", type).put("id", id);
        chat.putArray("messages");
        return chat;
    }

    public static ObjectNode message(ObjectNode chat, long id, String text) {
        ObjectNode m = ((ArrayNode) chat.get("messages")).addObject().put("id", id).put("type", "message")
                .put("date", "2019-11-21T10:15:00").put("date_unixtime", String.valueOf(1574331300L + id))
                .put("from", chat.get("name").asText()).put("from_id", "channel" + chat.get("id").asLong());
        m.put("text", text);
        m.putArray("text_entities").addObject().put("type", "plain").put("text", text);
        return m;
    }

    public static ObjectNode account(ObjectNode... chats) {
        ObjectNode root = Json.MAPPER.createObjectNode().put("about", "[synthetic] account export");
        root.putObject("personal_information").put("first_name", "Synthetic");
        ArrayNode list = root.putObject("chats").put("about", "chats").putArray("list");
        for (ObjectNode c : chats) {
            list.add(c);
        }
        return root;
    }

    public static Path write(Path dir, ObjectNode export) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("result.json");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), export);
        return file;
    }
}
