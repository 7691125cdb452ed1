package org.openiru.ingest.tme;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.openiru.ingest.url.Outlinks;

/**
 * Reads a public channel page ({@code t.me/s/<channel>}) with jsoup: the message widgets
 * ({@code .tgme_widget_message[data-post]}) and the "load more" link that pages back in time. Only the markup
 * is read; nothing of the page is ever executed. Widgets without a well-formed {@code data-post} (service
 * messages, markup Telegram may add later) are left out and counted.
 */
final class TmePage {
    private static final Pattern DATA_POST = Pattern.compile("([A-Za-z0-9_]{1,64})/(\\d{1,18})");
    private static final Pattern BACKGROUND_URL = Pattern.compile("background-image\\s*:\\s*url\\(['\"]?([^'\")]+)");
    private static final Pattern BEFORE = Pattern.compile("[?&]before=(\\d{1,18})");

    final List<TmeMessage> messages;
    /** Widgets that carried no readable message id. */
    final int unreadable;
    /** The id to ask for the next (older) page with, if the page offers one. */
    final OptionalLong before;

    private TmePage(List<TmeMessage> messages, int unreadable, OptionalLong before) {
        this.messages = messages;
        this.unreadable = unreadable;
        this.before = before;
    }

    static TmePage parse(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        List<TmeMessage> messages = new ArrayList<>();
        int unreadable = 0;
        for (Element widget : doc.select(".tgme_widget_message[data-post]")) {
            Matcher post = DATA_POST.matcher(widget.attr("data-post"));
            if (!post.matches() || widget.hasClass("service_message")) {
                unreadable++;
                continue;
            }
            messages.add(message(widget, post.group(1), Long.parseLong(post.group(2)), pageUrl));
        }
        return new TmePage(messages, unreadable, before(doc));
    }

    private static TmeMessage message(Element w, String channel, long id, String pageUrl) {
        Element text = w.selectFirst(".tgme_widget_message_text");
        Element forwarded = w.selectFirst(".tgme_widget_message_forwarded_from_name");
        List<String> photos = new ArrayList<>();
        for (Element photo : w.select(".tgme_widget_message_photo_wrap")) {
            Matcher m = BACKGROUND_URL.matcher(photo.attr("style"));
            if (m.find()) {
                photos.add(m.group(1));
            }
        }
        List<String> videos = new ArrayList<>();
        for (Element video : w.select("video.tgme_widget_message_video[src]")) {
            videos.add(video.absUrl("src"));
        }
        Element views = w.selectFirst(".tgme_widget_message_views");
        Element owner = w.selectFirst(".tgme_widget_message_owner_name");
        return new TmeMessage(channel, owner == null ? "" : owner.text().strip(), id, time(w), text == null ? "" : textWithBreaks(text),
                forwarded == null ? null : forwarded.text().strip(),
                forwarded == null ? null : TmeChannel.handleOf(forwarded.absUrl("href")).orElse(null),
                photos, videos, views == null ? null : views.text().strip(),
                text == null ? List.of() : Outlinks.fromHtml(text.outerHtml(), pageUrl), w.outerHtml());
    }

    /** The text as shown: line breaks ({@code <br>}) kept, markup dropped. */
    private static String textWithBreaks(Element e) {
        StringBuilder b = new StringBuilder();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                b.append(t.getWholeText());
            } else if (node instanceof Element el && el.tagName().equals("br")) {
                b.append('\n');
            }
        }, e);
        return b.toString().strip();
    }

    /** The message's own date (the one in its footer link); null when missing or unreadable. */
    private static Instant time(Element w) {
        Element time = w.selectFirst(".tgme_widget_message_date time[datetime]");
        if (time == null) {
            time = w.selectFirst("time[datetime]");
        }
        try {
            return time == null ? null : OffsetDateTime.parse(time.attr("datetime")).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static OptionalLong before(Document doc) {
        Element more = doc.selectFirst("a.tme_messages_more");
        if (more == null) {
            return OptionalLong.empty();
        }
        String value = more.hasAttr("data-before") ? more.attr("data-before") : "";
        if (value.matches("\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(value));
        }
        Matcher m = BEFORE.matcher(more.attr("href"));
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
