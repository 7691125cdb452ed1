package org.openiru.ingest.url;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facebook: {@code https://www.facebook.com/...} for every front end (m., mbasic., web., touch., fb.com). Facebook
 * hangs a changing cloud of tracking parameters on links ({@code __cft__}, {@code __tn__}, {@code mibextid},
 * {@code rdid}, {@code refid}, ...), so the query is an allow-list: only the parameters that name the item on the
 * few routes that use one, in a fixed order. Page names are kept as written (case-folding them is not documented).
 */
final class FacebookUrls extends HostRule {

    private static final List<String> STORY = List.of("story_fbid", "id");
    private static final Map<String, List<String>> ITEM_PARAMS = Map.of(
            "/story.php", STORY,
            "/permalink.php", STORY,
            "/photo.php", List.of("fbid"),
            "/photo", List.of("fbid"),
            "/watch", List.of("v"),
            "/video.php", List.of("v"),
            "/profile.php", List.of("id"));

    FacebookUrls() {
        super(Set.of("facebook.com", "www.facebook.com", "m.facebook.com",
                "mbasic.facebook.com", "web.facebook.com", "touch.facebook.com", "mobile.facebook.com", "fb.com",
                "www.fb.com"));
    }

    @Override
    UrlParts canonical(UrlParts url) {
        return url.withHost("www.facebook.com").keepOnly(ITEM_PARAMS.getOrDefault(url.path(), List.of()));
    }
}
