package org.openiru.ingest.url;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * X (Twitter): a post is {@code https://x.com/i/status/<id>} whatever account name, host or media suffix the
 * link carries, because the status id alone identifies it and survives renames. A profile is
 * {@code https://x.com/<handle>} in lower case (handles are case-insensitive). The embed-fixing mirrors
 * (fxtwitter, vxtwitter, fixupx, fixvx) serve the same post by id, so they map to x.com too: the item is the post
 * on X, and X is who a referral goes to.
 */
final class XUrls extends HostRule {

    private static final Pattern STATUS_ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    // Site sections whose query means something (search?q=); everything else under a handle is a profile view.
    private static final Set<String> SECTIONS = Set.of("i", "home", "search", "hashtag", "intent", "explore",
            "settings", "messages", "notifications", "share", "compose", "login", "logout", "signup", "tos", "privacy");
    private static final Set<String> SHARE_PARAMS = Set.of("s", "t", "src");

    XUrls() {
        super(Set.of("x.com", "www.x.com", "mobile.x.com", "twitter.com",
                "www.twitter.com", "mobile.twitter.com", "m.twitter.com", "fxtwitter.com", "www.fxtwitter.com",
                "vxtwitter.com", "www.vxtwitter.com", "fixupx.com", "fixvx.com"));
    }

    @Override
    UrlParts canonical(UrlParts url) {
        UrlParts x = url.withHost("x.com");
        // Old links put the route in the fragment: twitter.com/#!/user/status/1.
        if (x.path().equals("/") && x.fragment() != null && x.fragment().startsWith("!/")) {
            x = x.withPath(Paths.clean(x.fragment().substring(1)));
        }
        List<String> segments = x.segments();
        Optional<String> id = statusId(segments);
        if (id.isPresent()) {
            return x.withPath("/i/status/" + id.get()).withoutQuery();
        }
        if (!segments.isEmpty() && !SECTIONS.contains(segments.get(0).toLowerCase(Locale.ROOT))) {
            return x.lowerSegment(0, HANDLE).withoutQuery();
        }
        return x.without(SHARE_PARAMS::contains);
    }

    /** {@code /<user>/status/<id>[/photo/1]}, {@code /i/status/<id>}, {@code /i/web/status/<id>}. */
    private static Optional<String> statusId(List<String> s) {
        int at = s.size() >= 4 && s.get(0).equals("i") && s.get(1).equals("web") ? 2 : 1;
        if (s.size() > at + 1 && (s.get(at).equals("status") || s.get(at).equals("statuses"))
                && STATUS_ID.matcher(s.get(at + 1)).matches()) {
            return Optional.of(s.get(at + 1));
        }
        return Optional.empty();
    }
}
