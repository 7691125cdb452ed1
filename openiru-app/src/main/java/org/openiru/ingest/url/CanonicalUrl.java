package org.openiru.ingest.url;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one canonical form of every URL the unit meets, so that the same item found twice (in two channels, as a
 * short link and a long one, defanged in a report) is one item. Pure: no network, no database. The forms and the
 * reasons for them are in {@code docs/urls.md}.
 */
public final class CanonicalUrl {

    /** Longer input is refused: no real link is this long, and the limit bounds the work per candidate. */
    static final int MAX_LENGTH = 8 * 1024;
    // l.facebook.com → google.com/url → target is the deepest chain seen in practice; more is a loop or an attack.
    private static final int MAX_UNWRAPS = 3;
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*+:");
    private static final Pattern TABS_AND_BREAKS = Pattern.compile("[\t\r\n]");
    private static final Pattern DOTTED_NAME = Pattern.compile("(?:[a-z0-9-]++\\.)++[a-z]{2,63}");

    private CanonicalUrl() {
    }

    /** The canonical URL; empty when the text is not an http(s) (or Telegram app) link to a public host. */
    public static Optional<String> of(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return canonical(raw, 0);
    }

    /** The lower-case host of a canonical URL. */
    public static String host(String canonical) {
        return UrlParts.parse(canonical).map(u -> u.host().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("Not a canonical URL: " + canonical));
    }

    private static Optional<String> canonical(String raw, int unwraps) {
        // Browsers drop tabs and line breaks inside URLs (WHATWG URL); links wrapped in messages have them.
        String text = TABS_AND_BREAKS.matcher(Defang.refang(raw.strip())).replaceAll("");
        return withScheme(text).flatMap(UrlParts::parse).flatMap(url -> switch (url.scheme()) {
            case "http", "https" -> web(url, unwraps);
            case "tg" -> TelegramUrls.fromAppLink(url).flatMap(https -> canonical(https, unwraps));
            default -> Optional.empty();
        });
    }

    private static Optional<String> web(UrlParts parsed, int unwraps) {
        Optional<String> host = Hosts.normalise(parsed.host());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        UrlParts url = parsed.withHost(host.get());
        if (url.port() == (url.scheme().equals("https") ? 443 : 80)) {
            url = url.withPort(-1);
        }
        Optional<HostRule> rule = PlatformRules.forHost(url.host());
        if (rule.map(HostRule::cleansPath).orElse(true)) {
            url = url.withPath(Paths.clean(url.path())).without(TrackingParams::isTracking);
        }
        Optional<String> target = Redirects.target(url);
        if (target.isPresent()) {
            return unwraps < MAX_UNWRAPS ? canonical(target.get(), unwraps + 1) : Optional.empty();
        }
        if (rule.isPresent()) {
            // Every platform with a rule serves https only; http and https links to one post must be one URL.
            url = rule.get().canonical(url.withScheme("https"));
        }
        if (!rule.map(HostRule::keepsFragment).orElse(false)) {
            url = url.withFragment(null);
        }
        return Optional.of(url.toString());
    }

    /**
     * The text with an explicit scheme. Scheme-less text is read as an https link only when it cannot be
     * anything else: a host some platform rule knows ({@code t.me/x/1}), a {@code www.} name, or a dotted name
     * with an alphabetic top-level label followed by a slash ({@code example.org/a}). {@code report.pdf} and
     * {@code mailto:}-like schemes are not links.
     */
    private static Optional<String> withScheme(String text) {
        Matcher scheme = SCHEME.matcher(text);
        if (scheme.lookingAt()) {
            if (text.startsWith("//", scheme.end())) {
                return Optional.of(text);
            }
            if (!scheme.group().contains(".")) {
                return Optional.empty();
            }
        }
        int end = 0;
        while (end < text.length() && "/?#:".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String host = text.substring(0, end).toLowerCase(Locale.ROOT);
        boolean slash = end < text.length() && text.charAt(end) == '/';
        boolean link = PlatformRules.hosts().contains(host) || host.startsWith("www.")
                || slash && DOTTED_NAME.matcher(host).matches();
        return link ? Optional.of("https://" + text) : Optional.empty();
    }
}
