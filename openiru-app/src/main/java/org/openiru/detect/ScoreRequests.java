package org.openiru.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openiru.app.Json;
import org.openiru.text.score.Reason;
import org.openiru.text.score.Signals;
import org.openiru.text.score.TextScore;
import org.openiru.text.score.TextScorer;
import org.openiru.web.ApiException;
import org.openiru.web.Messages;

/**
 * Scoring of texts given as JSON ({@code {"id","text","lang"?}}), shared by {@code openiru score} and
 * {@code POST /api/v1/score}: parsing with errors that name the field, and the result object with every
 * reason as a sentence in English and Arabic. Input that is not valid UTF-8 is scored with the bad bytes
 * replaced, and the result says so.
 */
public final class ScoreRequests {
    /** A longer line is refused whole; the scorer reads only the first 20,000 characters of a text anyway. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    private static final Set<String> FIELDS = Set.of("id", "text", "lang");
    private static final Set<String> LANGS = Set.of("ar", "en", "other");

    private final Map<String, Messages> messages;

    public ScoreRequests(Map<String, Messages> messages) {
        this.messages = messages;
    }

    /** One text to score; {@code invalidUtf8} when its bytes were not valid UTF-8 (then replaced). */
    public record Request(String id, String text, String lang, boolean invalidUtf8) {
    }

    /** Parses one JSON object given as bytes; {@code where} (e.g. "line 3") starts every error message. */
    public static Request parse(byte[] json, String where) {
        Decoded decoded = decode(json);
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(decoded.text());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest(null, where + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        return request(node, where, decoded.invalidUtf8());
    }

    /** Bytes read as UTF-8; {@code invalidUtf8} when some were not, and were replaced by U+FFFD. */
    public record Decoded(String text, boolean invalidUtf8) {
    }

    public static Decoded decode(byte[] utf8) {
        try {
            return new Decoded(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString(), false);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(utf8, StandardCharsets.UTF_8), true);
        }
    }

    /** Reads one already parsed object (an element of an API batch). */
    public static Request request(JsonNode node, String where, boolean invalidUtf8) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(null, where + ": expected an object {\"id\", \"text\", \"lang\"}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(name, where + ": unknown field \"" + name + "\" (known: id, text, lang)");
            }
        }
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
            throw ApiException.badRequest("id", where + ": \"id\" must be a non-empty string or number");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw ApiException.badRequest("text", where + ": \"text\" must be a string (it may be empty)");
        }
        JsonNode lang = node.get("lang");
        if (lang != null && !lang.isNull() && !(lang.isTextual() && LANGS.contains(lang.asText()))) {
            throw ApiException.badRequest("lang", where + ": \"lang\" must be ar, en or other");
        }
        return new Request(id.asText(), text.asText(), lang == null || lang.isNull() ? null : lang.asText(), invalidUtf8);
    }

    /** Scores one request and makes the result object. */
    public Map<String, Object> score(TextScorer scorer, Request r) {
        TextScore s = r.invalidUtf8() ? scorer.score(withInvalidBytes(r.text()), Signals.NONE) : scorer.score(r.text());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("score", Math.round(s.score() * 100) / 100.0);
        out.put("priority", s.priority());
        out.put("band", s.band().name().toLowerCase(java.util.Locale.ROOT));
        out.put("label", s.label().id());
        out.put("language", s.language().code());
        if (r.lang() != null) {
            out.put("lang", r.lang());
        }
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (Reason reason : s.reasons()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", reason.code());
            m.put("weight", Math.round(reason.weight() * 100) / 100.0);
            m.put("args", reason.args());
            m.put("en", messages.get("en").t(reason.messageKey(), reason.args().toArray()));
            m.put("ar", messages.get("ar").t(reason.messageKey(), reason.args().toArray()));
            reasons.add(m);
        }
        out.put("reasons", reasons);
        out.put("model", s.model());
        return out;
    }

    /**
     * The text's UTF-8 with each replacement character turned back into an invalid byte, so that the scorer's
     * byte path flags the input as invalid UTF-8 (the flag is a reason the analyst sees).
     */
    private static byte[] withInvalidBytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cp == 0xFFFD) {
                out.write(0xFF);
            } else {
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        });
        return out.toByteArray();
    }

    /** One line of a JSON-lines stream as bytes; {@code tooLong} when it exceeded the limit (its bytes dropped). */
    public record Line(byte[] bytes, boolean tooLong) {
    }

    /** Reads up to the next newline; null at the end of the stream. */
    public static Line readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        boolean tooLong = false;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (buf.size() < MAX_LINE_BYTES) {
                buf.write(b);
            } else {
                tooLong = true;
            }
            b = in.read();
        }
        byte[] bytes = buf.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new Line(end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end), tooLong);
    }
}
