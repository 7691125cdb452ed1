package org.openiru.ingest.url;

import java.util.List;
import java.util.Set;

/**
 * Google Drive: a file is {@code https://drive.google.com/file/d/<id>}, however it was linked ({@code /view},
 * {@code /preview}, {@code /open?id=}, {@code /uc?id=&export=download}). {@code resourcekey} is kept: older shared
 * links do not open without it. {@code usp} (how the link was shared) is dropped.
 */
final class GoogleDriveUrls extends HostRule {

    private static final Set<String> ID_ROUTES = Set.of("/open", "/uc");
    private static final List<String> KEPT = List.of("resourcekey");

    GoogleDriveUrls() {
        super(Set.of("drive.google.com"));
    }

    @Override
    UrlParts canonical(UrlParts url) {
        List<String> s = url.segments();
        if (s.size() >= 3 && s.get(0).equals("file") && s.get(1).equals("d")) {
            return url.withPath("/file/d/" + s.get(2)).keepOnly(KEPT);
        }
        if (ID_ROUTES.contains(url.path()) && url.param("id").isPresent()) {
            return url.withPath("/file/d/" + url.param("id").get()).keepOnly(KEPT);
        }
        return url.without("usp"::equals);
    }
}
