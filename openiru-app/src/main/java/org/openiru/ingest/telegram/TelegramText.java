package org.openiru.ingest.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openiru.ingest.url.CanonicalUrl;
import org.openiru.ingest.url.Outlink;
import org.openiru.ingest.url.Outlinks;

/**
 * A message's text as posted, and the links its entities carry. Telegram writes {@code text} either as a
 * string or as an array of strings and entity objects ({@code {type, text, href?}}), and newer exports add
 * the same entities as {@code text_entities}. A {@code text_link} shows one text and points elsewhere
 * ({@code href}): that address is not in the plain text, so it is taken from the entity.
 */
record TelegramText(String text, List<String> entityLinks) {

    /** The links of the text and of its entities, canonical, each once, in order of appearance. */
    List<Outlink> outlinks() {
        Map<String, Outlink> all = new LinkedHashMap<>();
        for (Outlink o : Outlinks.fromText(text)) {
            all.putIfAbsent(o.url(), o);
        }
        for (String link : entityLinks) {
            CanonicalUrl.of(link).ifPresent(url -> all.putIfAbsent(url, new Outlink(url, CanonicalUrl.host(url))));
        }
        return List.copyOf(all.values());
    }

    static TelegramText of(JsonNode message) {
        JsonNode text = message.path("text");
        JsonNode entities = message.has("text_entities") ? message.get("text_entities") : text;
        return new TelegramText(plain(text), links(entities));
    }

    private static String plain(JsonNode text) {
        if (text.isTextual()) {
            return text.textValue();
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode part : text) {
            b.append(part.isTextual() ? part.textValue() : part.path("text").asText(""));
        }
        return b.toString();
    }

    private static List<String> links(JsonNode entities) {
        List<String> links = new ArrayList<>();
        for (JsonNode e : entities) {
            switch (e.path("type").asText("")) {
                case "link" -> links.add(e.path("text").asText(""));
                case "text_link" -> links.add(e.path("href").asText(""));
                // a mention names a Telegram account; its address makes it an edge of the network
                case "mention" -> links.add("https://t.me/" + e.path("text").asText("").replaceFirst("^@", ""));
                default -> {
                    // hashtags, bold, code, …: part of the text, no address
                }
            }
        }
        links.removeIf(String::isBlank);
        return links;
    }
}
