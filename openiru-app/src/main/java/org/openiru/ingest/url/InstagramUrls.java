package org.openiru.ingest.url;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Instagram: a post is {@code https://www.instagram.com/p/<shortcode>}. Reels, IGTV and the newer
 * {@code /<user>/p/<code>} links use the same shortcode namespace and open under {@code /p/} too, so one item gets
 * one URL. Shortcodes are case-sensitive; user names are not and are lower-cased. The query never names the item
 * ({@code igsh}, {@code img_index}) and is dropped.
 */
final class InstagramUrls extends HostRule {

    private static final Set<String> MEDIA_ROUTES = Set.of("p", "reel", "reels", "tv");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{1,30}");

    InstagramUrls() {
        super(Set.of("instagram.com", "www.instagram.com", "m.instagram.com",
                "instagr.am", "www.instagr.am"));
    }

    @Override
    UrlParts canonical(UrlParts url) {
        UrlParts ig = url.withHost("www.instagram.com").withoutQuery();
        List<String> s = ig.segments();
        for (int route = 0; route <= 1; route++) {
            if (s.size() > route + 1 && MEDIA_ROUTES.contains(s.get(route))) {
                return ig.withPath("/p/" + s.get(route + 1));
            }
        }
        return ig.lowerSegment(0, USERNAME);
    }
}
