package org.openiru.ingest.url;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Hosting sites whose URLs need no rewriting beyond one host name and https: the Internet Archive
 * ({@code /details/<id>}, {@code /download/<id>/<file>}; ids are case-sensitive), JustPaste.it, Telegraph
 * (graph.org is its mirror), archive.today (one archive under six names) and Dropbox ({@code dl=0/1} only
 * chooses preview or download of the same file; {@code rlkey} is needed to open new links and stays).
 */
final class AliasedHosts extends HostRule {

    private record Site(String host, Set<String> aliases, Set<String> droppedParams) {
    }

    private static final Map<String, Site> BY_HOST = Stream.of(
                    new Site("archive.org", Set.of("www.archive.org"), Set.of()),
                    new Site("justpaste.it", Set.of("www.justpaste.it"), Set.of()),
                    new Site("telegra.ph", Set.of("graph.org"), Set.of()),
                    new Site("archive.ph", Set.of("archive.today", "archive.is", "archive.li", "archive.vn",
                            "archive.md"), Set.of()),
                    new Site("www.dropbox.com", Set.of("dropbox.com"), Set.of("dl")))
            .flatMap(site -> Stream.concat(Stream.of(site.host()), site.aliases().stream())
                    .map(name -> Map.entry(name, site)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    AliasedHosts() {
        super(BY_HOST.keySet());
    }

    @Override
    UrlParts canonical(UrlParts url) {
        Site site = BY_HOST.get(url.host());
        return url.withHost(site.host()).without(site.droppedParams()::contains);
    }
}
