package org.openiru.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openiru.platform.Platform;

class PlatformResolverTest {

    private static final PlatformResolver RESOLVER = new PlatformResolver(List.of(
            platform("telegram", "t.me", "telegram.me", "Telegram.org."),
            platform("youtube", "youtube.com", "youtu.be"),
            platform("google", "google.com"),
            platform("drive", "drive.google.com"),
            platform("copycat", "youtube.com")));

    private static Platform platform(String slug, String... domains) {
        return new Platform(1, slug, slug, "other", List.of(domains), "", "", "", List.of("en"), "", "");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "none", value = {
            "t.me, telegram", "T.ME, telegram", "telegram.org, telegram", "desktop.telegram.org., telegram",
            "youtube.com, youtube", "m.youtube.com, youtube", "www.youtube.com, youtube",
            "evilyoutube.com, none", "youtube.com.evil.example, none", "tube.com, none", "com, none", "'', none",
            "google.com, google", "docs.google.com, google", "drive.google.com, drive", "a.drive.google.com, drive",
            "notdrive.google.com, google"})
    void matchesOnLabelBoundariesAndTheLongestDomainWins(String host, String slug) {
        assertThat(RESOLVER.forHost(host).map(Platform::slug)).isEqualTo(Optional.ofNullable(slug));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "none", value = {
            "https://t.me/example_channel/1, telegram", "https://www.youtube.com/watch?v=AbC-123_xYz, youtube",
            "https://drive.google.com:8443/file/d/1, drive", "https://example.org/, none"})
    void resolvesCanonicalUrls(String url, String slug) {
        assertThat(RESOLVER.forUrl(url).map(Platform::slug)).isEqualTo(Optional.ofNullable(slug));
    }
}
