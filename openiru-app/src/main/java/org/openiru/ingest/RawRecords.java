package org.openiru.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Map;

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

    /** Replaces U+0000 in every string and field name of the tree, in place; returns the node. */
    public static JsonNode withoutNul(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(o.properties())) {
                JsonNode value = withoutNul(field.getValue());
                String name = withoutNul(field.getKey());
                if (!name.equals(field.getKey())) {
                    o.remove(field.getKey());
                }
                o.set(name, value);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, withoutNul(a.get(i)));
            }
        } else if (node != null && node.isTextual() && node.textValue().indexOf(NUL) >= 0) {
            return TextNode.valueOf(withoutNul(node.textValue()));
        }
        return node;
    }
}
