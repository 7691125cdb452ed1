package org.openiru.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical form, one row per spelling: {@code input => expected}. All links are synthetic. */
class CanonicalUrlTest {

    private static final String CASES = """
            # general rules
              https://example.org/a                                  => https://example.org/a
              HTTPS://Example.ORG/a                                  => https://example.org/a
            \t  https://example.org/a \\n                             => https://example.org/a
            https://example.org                                      => https://example.org/
            https://example.org/                                     => https://example.org/
            https://example.org/a/                                   => https://example.org/a
            https://example.org//a///b/                              => https://example.org/a/b
            https://example.org/a/./b/../c                           => https://example.org/a/c
            http://example.org:80/a                                  => http://example.org/a
            https://example.org:443/a                                => https://example.org/a
            https://example.org:8443/a                               => https://example.org:8443/a
            http://example.org:443/a                                 => http://example.org:443/a
            https://user:secret@example.org/a                        => https://example.org/a
            https://example.org/a#section-2                          => https://example.org/a
            https://example.org./a                                   => https://example.org/a
            https://example.org/%7euser/%e2%82%ac                    => https://example.org/~user/%E2%82%AC
            https://example.org/a%2Fb?x=%3d                          => https://example.org/a%2Fb?x=%3D
            https://example.org/a b/é                                => https://example.org/a%20b/%C3%A9
            https://example.org/100%                                 => https://example.org/100%25
            https://пример.рф/путь                                   => https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C
            https://bücher.example/                                  => https://xn--bcher-kva.example/
            https://example.org/p?b=2&a=1                            => https://example.org/p?b=2&a=1
            https://example.org/p?id=7&utm_source=tg&utm_medium=x    => https://example.org/p?id=7
            https://example.org/p?fbclid=abc&gclid=def&id=7          => https://example.org/p?id=7
            https://example.org/p?mc_cid=1&mc_eid=2&igshid=3         => https://example.org/p
            https://example.org/p?feature=x&si=y&s=1&t=2             => https://example.org/p?feature=x&si=y&s=1&t=2
            https://example.org/p?&&a=1&                             => https://example.org/p?a=1
            https://example.org/p?single                             => https://example.org/p?single
            https://example.org\\a\\b                                 => https://example.org/a/b
            https://evil.example\\@t.me/x                             => https://evil.example/@t.me/x
            https://[2001:DB8::1]:8080/a                             => https://[2001:db8::1]:8080/a
            https://192.0.2.7/a                                      => https://192.0.2.7/a
            # defanged forms
            hxxps://example[.]org/a                                  => https://example.org/a
            hXXp://example(.)org/a                                   => http://example.org/a
            hxxps[:]//www[dot]example[dot]org/a                      => https://www.example.org/a
            example[.]org/a                                          => https://example.org/a
            # scheme-less
            t.me/example_channel/12                                  => https://t.me/example_channel/12
            www.example.org                                          => https://www.example.org/
            example.org/a                                            => https://example.org/a
            # Telegram
            https://t.me/Example_Channel/12                          => https://t.me/example_channel/12
            http://telegram.me/example_channel/12                    => https://t.me/example_channel/12
            https://telegram.dog/example_channel/12                  => https://t.me/example_channel/12
            https://t.me/s/example_channel/12                        => https://t.me/example_channel/12
            https://t.me/s/Example_Channel                           => https://t.me/example_channel
            https://t.me/example_channel/12?single                   => https://t.me/example_channel/12
            https://t.me/example_channel/12?embed=1&mode=tme         => https://t.me/example_channel/12
            https://t.me/example_channel/12?comment=5                => https://t.me/example_channel/12?comment=5
            https://t.me/c/123456/78                                 => https://t.me/c/123456/78
            https://t.me/+AbCdEf123                                  => https://t.me/+AbCdEf123
            https://t.me/joinchat/AbCdEf123                          => https://t.me/joinchat/AbCdEf123
            https://t.me/example_bot?start=Payload1                  => https://t.me/example_bot?start=Payload1
            tg://resolve?domain=Example_Channel&post=12              => https://t.me/example_channel/12
            tg://resolve?domain=example_channel                      => https://t.me/example_channel
            tg://join?invite=AbCdEf123                               => https://t.me/+AbCdEf123
            tg://privatepost?channel=123456&post=78                  => https://t.me/c/123456/78
            # X / Twitter
            https://twitter.com/ExampleUser/status/1234567890        => https://x.com/i/status/1234567890
            https://x.com/ExampleUser/status/1234567890?s=20&t=abc   => https://x.com/i/status/1234567890
            https://mobile.twitter.com/u/status/1234567890/photo/1   => https://x.com/i/status/1234567890
            https://www.x.com/u/status/1234567890/video/1            => https://x.com/i/status/1234567890
            https://mobile.x.com/i/web/status/1234567890             => https://x.com/i/status/1234567890
            https://fxtwitter.com/u/status/1234567890                => https://x.com/i/status/1234567890
            https://vxtwitter.com/u/statuses/1234567890              => https://x.com/i/status/1234567890
            https://twitter.com/#!/ExampleUser/status/1234567890     => https://x.com/i/status/1234567890
            https://twitter.com/ExampleUser?lang=en                  => https://x.com/exampleuser
            https://x.com/ExampleUser/media                          => https://x.com/exampleuser/media
            https://x.com/search?q=Example&src=typed_query           => https://x.com/search?q=Example
            # YouTube
            https://youtu.be/AbC-123_xYz                             => https://www.youtube.com/watch?v=AbC-123_xYz
            https://youtu.be/AbC-123_xYz?si=share1&t=10              => https://www.youtube.com/watch?v=AbC-123_xYz
            https://www.youtube.com/watch?v=AbC-123_xYz&t=10s&list=PL1&si=x => https://www.youtube.com/watch?v=AbC-123_xYz
            https://youtube.com/watch?feature=share&v=AbC-123_xYz    => https://www.youtube.com/watch?v=AbC-123_xYz
            http://m.youtube.com/watch?v=AbC-123_xYz                 => https://www.youtube.com/watch?v=AbC-123_xYz
            https://www.youtube.com/shorts/AbC-123_xYz?feature=share => https://www.youtube.com/watch?v=AbC-123_xYz
            https://www.youtube.com/embed/AbC-123_xYz?autoplay=1     => https://www.youtube.com/watch?v=AbC-123_xYz
            https://www.youtube.com/live/AbC-123_xYz                 => https://www.youtube.com/watch?v=AbC-123_xYz
            https://www.youtube-nocookie.com/embed/AbC-123_xYz       => https://www.youtube.com/watch?v=AbC-123_xYz
            https://www.youtube.com/@ExampleChannel/videos?si=abc    => https://www.youtube.com/@examplechannel/videos
            https://youtube.com/channel/UCaBcDeF1234567890/          => https://www.youtube.com/channel/UCaBcDeF1234567890
            https://www.youtube.com/playlist?list=PLaBc123&si=x      => https://www.youtube.com/playlist?list=PLaBc123
            https://www.youtube.com/redirect?q=https%3A%2F%2Fexample.org%2Fa&v=1 => https://example.org/a
            # Facebook
            https://m.facebook.com/story.php?id=4&story_fbid=3&__tn__=R => https://www.facebook.com/story.php?story_fbid=3&id=4
            https://mbasic.facebook.com/permalink.php?story_fbid=3&id=4&refid=52 => https://www.facebook.com/permalink.php?story_fbid=3&id=4
            https://web.facebook.com/ExamplePage/posts/123?mibextid=x&rdid=y => https://www.facebook.com/ExamplePage/posts/123
            http://fb.com/ExamplePage                                => https://www.facebook.com/ExamplePage
            https://www.facebook.com/watch/?v=123&ref=sharing        => https://www.facebook.com/watch?v=123
            https://www.facebook.com/profile.php?id=100&sk=photos    => https://www.facebook.com/profile.php?id=100
            https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fa%3Futm_source%3Dfb&h=AT0 => https://example.org/a
            https://www.google.com/url?sa=t&q=https://t.me/example_channel/12&usg=x => https://t.me/example_channel/12
            https://t.co/AbCdEf123                                   => https://t.co/AbCdEf123
            # Instagram
            https://instagr.am/p/AbC123xYz/                          => https://www.instagram.com/p/AbC123xYz
            https://www.instagram.com/p/AbC123xYz/?igsh=abc&img_index=2 => https://www.instagram.com/p/AbC123xYz
            https://www.instagram.com/reel/AbC123xYz/?igshid=abc     => https://www.instagram.com/p/AbC123xYz
            https://www.instagram.com/example.user/p/AbC123xYz/      => https://www.instagram.com/p/AbC123xYz
            https://instagram.com/Example.User/                      => https://www.instagram.com/example.user
            # TikTok
            https://www.tiktok.com/@Example.User/video/7123456789012345678?is_from_webapp=1&sender_device=pc => https://www.tiktok.com/@example.user/video/7123456789012345678
            https://m.tiktok.com/@example.user/video/7123456789012345678 => https://www.tiktok.com/@example.user/video/7123456789012345678
            http://vm.tiktok.com/ZMAbC123/                           => https://vm.tiktok.com/ZMAbC123
            # Internet Archive
            https://archive.org/details/Example_Item-2019            => https://archive.org/details/Example_Item-2019
            http://www.archive.org/download/Example_Item/File%20One.mp4 => https://archive.org/download/Example_Item/File%20One.mp4
            http://web.archive.org/web/20190101000000/http://example.org/a/?utm_source=x => https://web.archive.org/web/20190101000000/http://example.org/a/?utm_source=x
            https://web.archive.org/web/2019*/example.org//a#x       => https://web.archive.org/web/2019*/example.org//a
            https://archive.today/AbC12                              => https://archive.ph/AbC12
            # file hosts and pastes
            http://justpaste.it/AbC12                                => https://justpaste.it/AbC12
            https://telegra.ph/Example-Title-05-12                   => https://telegra.ph/Example-Title-05-12
            https://graph.org/Example-Title-05-12                    => https://telegra.ph/Example-Title-05-12
            https://drive.google.com/file/d/1AbC_dEf-123/view?usp=sharing => https://drive.google.com/file/d/1AbC_dEf-123
            https://drive.google.com/open?id=1AbC_dEf-123&usp=drive_fs => https://drive.google.com/file/d/1AbC_dEf-123
            https://drive.google.com/uc?export=download&id=1AbC_dEf-123 => https://drive.google.com/file/d/1AbC_dEf-123
            https://drive.google.com/drive/folders/1AbC?usp=sharing  => https://drive.google.com/drive/folders/1AbC
            https://mega.nz/file/AbCdEf12#KeyPart-1_x                => https://mega.nz/file/AbCdEf12#KeyPart-1_x
            https://mega.co.nz/#!AbCdEf12!KeyPart-1_x                => https://mega.nz/file/AbCdEf12#KeyPart-1_x
            https://mega.nz/#F!AbCdEf12!KeyPart-1_x                  => https://mega.nz/folder/AbCdEf12#KeyPart-1_x
            https://www.dropbox.com/s/abc123/file.pdf?dl=0           => https://www.dropbox.com/s/abc123/file.pdf
            https://dropbox.com/scl/fi/abc/file.pdf?rlkey=k1&dl=1    => https://www.dropbox.com/scl/fi/abc/file.pdf?rlkey=k1
            """;

    static Stream<Arguments> cases() {
        return CASES.lines().filter(line -> !line.isBlank() && !line.strip().startsWith("#")).map(line -> {
            int arrow = line.lastIndexOf(" => ");
            // Leading and trailing blanks in the input are part of some cases (trimming is a rule).
            String input = line.substring(0, arrow).replaceFirst("^ +", "").replaceFirst(" +$", "")
                    .replace("\\n", "\n");
            return Arguments.of(input, line.substring(arrow + 4).strip());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalises(String input, String expected) {
        assertThat(CanonicalUrl.of(input)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isIdempotent(String input, String expected) {
        assertThat(CanonicalUrl.of(expected)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "mailto:someone@example.org",
            "data:text/html,<b>x</b>", "ftp://example.org/file", "file:///etc/passwd", "tg://settings",
            "tg://resolve?domain=a%20b", "", "   ", "hello world", "report.pdf", "example.org", "@example_channel",
            "https://", "https:///a", "http://localhost/a", "https://exa mple.org/", "https://example..org/",
            "https://-bad.example/", "https://example.org:99999/", "https://example.org:8o/", "//example.org/a",
            "https://l.facebook.com/l.php?u=javascript%3Aalert(1)"})
    void rejects(String input) {
        assertThat(CanonicalUrl.of(input)).isEmpty();
    }

    @Test
    void rejectsNullAndInputOverEightKilobytes() {
        assertThat(CanonicalUrl.of(null)).isEmpty();
        String longUrl = "https://example.org/" + "a".repeat(CanonicalUrl.MAX_LENGTH);
        assertThat(CanonicalUrl.of(longUrl)).isEmpty();
        assertThat(CanonicalUrl.of(longUrl.substring(0, CanonicalUrl.MAX_LENGTH))).isPresent();
    }

    @Test
    void givesUpOnEndlessRedirectChains() {
        String url = "https://example.org/end";
        for (int i = 0; i < 5; i++) {
            url = "https://www.google.com/url?q=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
        }
        assertThat(CanonicalUrl.of(url)).isEmpty();
    }

    @Test
    void hostOfACanonicalUrl() {
        assertThat(CanonicalUrl.host("https://t.me/x/1")).isEqualTo("t.me");
        assertThat(CanonicalUrl.host("https://Example.org:8443/a?b#c")).isEqualTo("example.org");
        assertThat(CanonicalUrl.host("https://[2001:db8::1]:8080/")).isEqualTo("[2001:db8::1]");
        assertThatThrownBy(() -> CanonicalUrl.host("t.me/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
