package org.openiru.ingest.url;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * YouTube: a video is {@code https://www.youtube.com/watch?v=<id>} whether it was linked as a short, an embed, a
 * live stream, a youtu.be short link or with a start time, playlist or share id ({@code t}, {@code list},
 * {@code si}): it is the same video, referred once. Video ids are case-sensitive and kept as written. Other pages
 * (channels, playlists) keep their path on www.youtube.com; {@code @handles} are lower-cased.
 */
final class YouTubeUrls extends HostRule {

    private static final String HOST = "www.youtube.com";
    private static final String SHORT_HOST = "youtu.be";
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Set<String> VIDEO_ROUTES = Set.of("shorts", "embed", "live", "v", "e");
    private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9_.-]{3,30}");
    private static final Set<String> SHARE_PARAMS = Set.of("si", "feature", "pp", "ab_channel");

    YouTubeUrls() {
        super(Set.of("youtube.com", HOST, "m.youtube.com", "music.youtube.com",
                SHORT_HOST, "www.youtu.be", "youtube-nocookie.com", "www.youtube-nocookie.com"));
    }

    @Override
    UrlParts canonical(UrlParts url) {
        Optional<String> video = videoId(url).filter(id -> VIDEO_ID.matcher(id).matches());
        if (video.isPresent()) {
            return url.withHost(HOST).withPath("/watch").withQuery(List.of(new UrlParts.Param("v", video.get())));
        }
        if (url.host().endsWith(SHORT_HOST)) {
            return url.withHost(SHORT_HOST).withoutQuery();
        }
        return url.withHost(HOST).lowerSegment(0, HANDLE).without(SHARE_PARAMS::contains);
    }

    private static Optional<String> videoId(UrlParts url) {
        List<String> s = url.segments();
        if (url.host().endsWith(SHORT_HOST)) {
            return s.size() == 1 ? Optional.of(s.get(0)) : Optional.empty();
        }
        if (url.path().equals("/watch")) {
            return url.param("v");
        }
        return s.size() == 2 && VIDEO_ROUTES.contains(s.get(0)) ? Optional.of(s.get(1)) : Optional.empty();
    }
}
