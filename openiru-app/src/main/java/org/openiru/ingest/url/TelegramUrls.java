package org.openiru.ingest.url;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Telegram: {@code https://t.me/<username>[/<post>]}, user name in lower case (Telegram user names are
 * case-insensitive). The web preview {@code /s/} and the display parameters ({@code ?single}, {@code ?embed=1})
 * are dropped; {@code ?comment=} (a comment is a different message, by a different author),
 * {@code ?thread=} and the bot payloads {@code ?start=}/{@code ?startapp=} are kept.
 */
final class TelegramUrls extends HostRule {

    private static final String HOST = "t.me";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final Pattern INVITE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final List<String> KEPT = List.of("comment", "thread", "start", "startapp");

    TelegramUrls() {
        super(Set.of("t.me", "www.t.me", "telegram.me", "www.telegram.me",
                "telegram.dog", "www.telegram.dog"));
    }

    @Override
    UrlParts canonical(UrlParts url) {
        List<String> segments = url.segments();
        if (segments.size() >= 2 && segments.get(0).equals("s")) {
            segments.remove(0);
        }
        return url.withHost(HOST).withSegments(segments).lowerSegment(0, USERNAME).keepOnly(KEPT);
    }

    /**
     * The https form of a {@code tg://} app link: {@code resolve?domain=x&post=1}, {@code join?invite=h},
     * {@code privatepost?channel=1&post=2}. Empty for other app links or malformed ones.
     */
    static Optional<String> fromAppLink(UrlParts tg) {
        Optional<String> post = tg.param("post").filter(p -> DIGITS.matcher(p).matches());
        return switch (tg.host().toLowerCase(Locale.ROOT)) {
            case "resolve" -> tg.param("domain").filter(d -> USERNAME.matcher(d).matches())
                    .map(d -> "https://t.me/" + d + post.map(p -> "/" + p).orElse(""));
            case "join" -> tg.param("invite").filter(i -> INVITE.matcher(i).matches()).map(i -> "https://t.me/+" + i);
            case "privatepost" -> tg.param("channel").filter(c -> DIGITS.matcher(c).matches())
                    .flatMap(c -> post.map(p -> "https://t.me/c/" + c + "/" + p));
            default -> Optional.empty();
        };
    }
}
