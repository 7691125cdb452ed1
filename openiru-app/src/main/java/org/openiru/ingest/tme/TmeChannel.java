package org.openiru.ingest.tme;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openiru.web.ApiException;

/** Public channel names as people write them: {@code name}, {@code @name}, {@code t.me/name}, {@code t.me/s/name}. */
final class TmeChannel {
    /** Telegram usernames: a letter, then letters, digits and underscores, 5 to 32 in all. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{4,31}");
    private static final Pattern TME_HOST = Pattern.compile("(?i)(www\\.)?(t\\.me|telegram\\.me|telegram\\.dog)");

    private TmeChannel() {
    }

    /** The channel's username from what the user typed; refused with a message when it names none. */
    static String parse(String input) {
        String s = input.strip();
        if (s.startsWith("@")) {
            s = s.substring(1);
        }
        if (USERNAME.matcher(s).matches()) {
            return s;
        }
        String url = s.contains("://") ? s : "https://" + s;
        return handleOf(url).orElseThrow(() -> ApiException.badRequest("channel",
                "Not a public Telegram channel name or address: " + input));
    }

    /** The username a t.me address points to ({@code https://t.me/name/12} → {@code name}). */
    static Optional<String> handleOf(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !TME_HOST.matcher(uri.getHost()).matches() || uri.getPath() == null) {
                return Optional.empty();
            }
            String[] parts = uri.getPath().split("/");
            int at = parts.length > 2 && parts[1].equals("s") ? 2 : 1;
            return parts.length > at && USERNAME.matcher(parts[at]).matches() ? Optional.of(parts[at])
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The actor id of a channel known only by its username (pages do not show Telegram's numeric ids). */
    static String actorId(String username) {
        return "username:" + username.toLowerCase(Locale.ROOT);
    }
}
