package org.openiru.ingest.url;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The platform rules by host; the list is the one place a new platform's URL forms are added. */
final class PlatformRules {

    private static final List<HostRule> RULES = List.of(new TelegramUrls(), new XUrls(), new YouTubeUrls(),
            new FacebookUrls(), new InstagramUrls(), new TikTokUrls(), new MegaUrls(), new GoogleDriveUrls(),
            new WaybackUrls(), new AliasedHosts());

    private static final Map<String, HostRule> BY_HOST = RULES.stream()
            .flatMap(rule -> rule.hosts().stream().map(host -> Map.entry(host, rule)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private PlatformRules() {
    }

    static Optional<HostRule> forHost(String host) {
        return Optional.ofNullable(BY_HOST.get(host));
    }

    /** Every host some rule handles. */
    static Set<String> hosts() {
        return BY_HOST.keySet();
    }
}
