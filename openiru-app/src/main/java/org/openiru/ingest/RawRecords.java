package org.openiru.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Map;
import org.openiru.app.Json;

/**
 * Makes a source's record storable. PostgreSQL cannot hold the character U+0000 in text or jsonb, and a
 * hostile export may contain it; it becomes U+FFFD (the replacement character), the one change made to what
 * a source delivered (docs/ingest.md).
 */
public final class RawRecords {
    public static final char NUL = '\u0000';
    public static final char REPLACEMENT = '\uFFFD';

    private RawRecords() {
    }

    public static String withoutNul(String s) {
        return s == null || s.indexOf(NUL) < 0 ? s : s.replace(NUL, REPLACEMENT);
    }

    /** The record as stored: UTF-8 JSON text, U+0000 replaced in every string and field name (in place). */
    public static byte[] json(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(containsNul(node) ? replaceNul(node) : node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * Whether JSON text (UTF-8) may hold U+0000: JSON can write it only escaped, as backslash-u0000. A false
     * alarm (an escaped backslash before "u0000") only costs the caller the slow path.
     */
    public static boolean mayContainNul(byte[] json) {
        outer:
        for (int i = 0; i + 6 <= json.length; i++) {
            if (json[i] != '\\' || json[i + 1] != 'u') {
                continue;
            }
            for (int k = 2; k < 6; k++) {
                if (json[i + k] != '0') {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A read-only look first: almost no record has a NUL, and rebuilding every tree would cost a tenth of an import. */
    private static boolean containsNul(JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().indexOf(NUL) >= 0 || containsNul(field.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsNul(element)) {
                    return true;
                }
            }
            return false;
        }
        return node.isTextual() && node.textValue().indexOf(NUL) >= 0;
    }

    private static JsonNode replaceNul(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(o.properties())) {
                JsonNode value = replaceNul(field.getValue());
                String name = withoutNul(field.getKey());
                if (!name.equals(field.getKey())) {
                    o.remove(field.getKey());
                }
                o.set(name, value);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, replaceNul(a.get(i)));
            }
        } else if (node != null && node.isTextual() && node.textValue().indexOf(NUL) >= 0) {
            return TextNode.valueOf(withoutNul(node.textValue()));
        }
        return node;
    }
}
