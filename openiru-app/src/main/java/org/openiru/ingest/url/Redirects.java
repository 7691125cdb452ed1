package org.openiru.ingest.url;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Outbound-link wrappers that carry their target in the query: Facebook's {@code l.php?u=}, Google's
 * {@code /url?q=}, YouTube's {@code /redirect?q=} and VK's {@code away.php?to=}. The item is the target, so the
 * wrapper is replaced by it. Shorteners that need the network to resolve ({@code t.co}, {@code bit.ly}) are kept
 * as they are; resolving them is a fetch, not canonicalisation.
 */
final class Redirects {

    private record Wrapper(Set<String> hosts, String path, List<String> params) {
    }

    private static final List<Wrapper> WRAPPERS = List.of(
            new Wrapper(Set.of("l.facebook.com", "lm.facebook.com", "l.messenger.com"), "/l.php", List.of("u")),
            new Wrapper(Set.of("google.com", "www.google.com"), "/url", List.of("q", "url")),
            new Wrapper(Set.of("youtube.com", "www.youtube.com", "m.youtube.com"), "/redirect", List.of("q")),
            new Wrapper(Set.of("vk.com", "m.vk.com"), "/away.php", List.of("to")));

    private Redirects() {
    }

    /** The decoded target of a wrapper link; empty when the URL is not one (or carries no target). */
    static Optional<String> target(UrlParts url) {
        for (Wrapper w : WRAPPERS) {
            if (w.hosts().contains(url.host()) && w.path().equals(url.path())) {
                return w.params().stream().flatMap(p -> url.param(p).stream()).findFirst()
                        .flatMap(Percent::decodeQueryValue);
            }
        }
        return Optional.empty();
    }
}
