package org.openiru.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The user-facing text of one language. Each feature keeps its own bundle {@code i18n/<feature>_<lang>.properties};
 * all of them are read once and merged. Numbers and dates are formatted for the language.
 */
public final class Messages {
    /** The feature bundles; a feature with text adds its name here and ships both languages. */
    public static final Set<String> BUNDLES = Set.of("web", "auth", "unit", "platform", "audit", "queue", "ingest",
            "signals", "detect", "reasons", "review", "delivery", "referral",
            "verify", "reappear", "order", "routing", "report", "dashboard", "campaign",
            "network");
    public static final Set<String> LANGUAGES = Set.of("en", "ar");

    private final String lang;
    private final Locale locale;
    private final Map<String, String> texts;
    private final DateTimeFormatter dateTime;
    private final ZoneId zone;

    private Messages(String lang, Map<String, String> texts, ZoneId zone) {
        this.lang = lang;
        this.locale = Locale.forLanguageTag(lang);
        this.texts = texts;
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
    }

    /** Loads every bundle of every language. */
    public static Map<String, Messages> loadAll(ZoneId zone) {
        Map<String, Messages> all = new HashMap<>();
        for (String lang : LANGUAGES) {
            Map<String, String> texts = new HashMap<>();
            for (String bundle : BUNDLES) {
                texts.putAll(read("/i18n/" + bundle + "_" + lang + ".properties"));
            }
            all.put(lang, new Messages(lang, Map.copyOf(texts), zone));
        }
        return Map.copyOf(all);
    }

    static Map<String, String> read(String resource) {
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Message bundle " + resource + " is missing");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new HashMap<>();
            p.forEach((k, v) -> m.put((String) k, (String) v));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String lang() {
        return lang;
    }

    public boolean rtl() {
        return "ar".equals(lang);
    }

    public Set<String> keys() {
        return texts.keySet();
    }

    /** The text for {@code key} with {@code {0}}-style arguments; a missing key shows itself, marked. */
    public String t(String key, Object... args) {
        String pattern = texts.get(key);
        if (pattern == null) {
            return "[" + key + "]";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : dateTime.format(at);
    }

    public ZoneId zone() {
        return zone;
    }
}
