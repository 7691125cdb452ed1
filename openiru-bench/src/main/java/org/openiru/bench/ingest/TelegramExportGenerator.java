package org.openiru.bench.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a synthetic Telegram Desktop account export ({@code result.json} with {@code chats.list[]}) of N
 * messages over M channels, streamed so any size fits in a small heap. Every name and text is made up and
 * marked {@code [synthetic]}: neutral filler (weather, markets, sport) in English and Arabic, with links,
 * hashtags, mentions, replies and forwards between the channels; about a third of the channels are public
 * (they have a username), the rest get internal locators.
 *
 * <p>Usage: {@code java -cp openiru-bench.jar org.openiru.bench.ingest.TelegramExportGenerator OUT_DIR
 * [messages=1000000] [channels=50] [seed=1]}
 */
public final class TelegramExportGenerator {
    private static final String[] ENGLISH = {
        "[synthetic] Weather bulletin for the coastal region: light winds, clear skies.",
        "[synthetic] Market report: vegetable prices steady this week.",
        "[synthetic] Football: the local club won two to one on Saturday.",
        "[synthetic] Road works on the ring road end on Friday.",
        "[synthetic] Library opening hours change for the holidays.",
    };
    private static final String[] ARABIC = {
        "[synthetic] نشرة الطقس للمنطقة الساحلية: رياح خفيفة وسماء صافية.",
        "[synthetic] تقرير السوق: أسعار الخضروات مستقرة هذا الأسبوع.",
        "[synthetic] كرة القدم: فاز النادي المحلي يوم السبت.",
        "[synthetic] تنتهي أعمال الطرق يوم الجمعة.",
    };
    private static final String[] HASHTAGS = {"#weather", "#markets", "#sport", "#أخبار", "#طقس"};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final long START = Instant.parse("2019-11-01T00:00:00Z").getEpochSecond();

    private final int channels;
    private final SplittableRandom random;

    private TelegramExportGenerator(int channels, long seed) {
        this.channels = channels;
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long messages = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int channels = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        Path file = generate(out, messages, channels, seed);
        System.out.printf("wrote %,d messages over %d channels to %s (%,d MB)%n", messages, channels, file,
                Files.size(file) >> 20);
    }

    /** Writes {@code dir/result.json} and returns it. */
    public static Path generate(Path dir, long messages, int channels, long seed) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("result.json");
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            new TelegramExportGenerator(channels, seed).write(g, messages);
        }
        return file;
    }

    private void write(JsonGenerator g, long messages) throws IOException {
        g.writeStartObject();
        g.writeStringField("about", "[synthetic] export written by TelegramExportGenerator; no real content");
        g.writeObjectFieldStart("chats");
        g.writeArrayFieldStart("list");
        for (int c = 0; c < channels; c++) {
            long count = messages / channels + (c < messages % channels ? 1 : 0);
            writeChannel(g, c, count);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeChannel(JsonGenerator g, int c, long count) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name(c));
        boolean isPublic = c % 3 == 0;
        g.writeStringField("type", isPublic ? "public_channel" : "private_channel");
        g.writeNumberField("id", id(c));
        if (isPublic) {
            g.writeStringField("username", "synthetic_courier_" + c);
        }
        g.writeArrayFieldStart("messages");
        for (long m = 1; m <= count; m++) {
            writeMessage(g, c, m);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeMessage(JsonGenerator g, int c, long m) throws IOException {
        long time = START + m * 60 + c;
        g.writeStartObject();
        g.writeNumberField("id", m);
        g.writeStringField("type", "message");
        g.writeStringField("date", LOCAL.format(Instant.ofEpochSecond(time)));
        g.writeStringField("date_unixtime", Long.toString(time));
        g.writeStringField("from", name(c));
        g.writeStringField("from_id", "channel" + id(c));
        if (m > 1 && random.nextInt(10) == 0) {
            g.writeNumberField("reply_to_message_id", m - 1 - random.nextLong(Math.min(m - 1, 50)));
        }
        if (random.nextInt(8) == 0) {
            int other = random.nextInt(channels);
            g.writeStringField("forwarded_from", name(other));
            g.writeStringField("forwarded_from_id", "channel" + id(other));
        }
        String body = random.nextBoolean() ? ENGLISH[random.nextInt(ENGLISH.length)]
                : ARABIC[random.nextInt(ARABIC.length)];
        String tag = HASHTAGS[random.nextInt(HASHTAGS.length)];
        String link = "https://news" + random.nextInt(200) + ".example/item/" + random.nextInt(100_000);
        // a text that is an array of parts with entities, as Telegram writes when a message has formatting
        g.writeArrayFieldStart("text");
        g.writeString(body + " ");
        entity(g, "hashtag", tag, null);
        g.writeString(" ");
        entity(g, "link", link, null);
        g.writeString(" (" + c + "/" + m + ") ");
        entity(g, "text_link", "source", "https://archive" + c + ".example/" + m);
        g.writeEndArray();
        g.writeArrayFieldStart("text_entities");
        entity(g, "plain", body + " ", null);
        entity(g, "hashtag", tag, null);
        entity(g, "plain", " ", null);
        entity(g, "link", link, null);
        entity(g, "plain", " (" + c + "/" + m + ") ", null);
        entity(g, "text_link", "source", "https://archive" + c + ".example/" + m);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void entity(JsonGenerator g, String type, String text, String href) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        g.writeStringField("text", text);
        if (href != null) {
            g.writeStringField("href", href);
        }
        g.writeEndObject();
    }

    private static String name(int c) {
        return "[synthetic] Morning Courier " + c;
    }

    private static long id(int c) {
        return 1_000_000_000L + c;
    }
}
