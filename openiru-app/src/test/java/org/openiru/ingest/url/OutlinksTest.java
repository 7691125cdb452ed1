package org.openiru.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Links in text and HTML. The channel names, hosts and texts are synthetic. */
class OutlinksTest {

    private static List<String> urls(List<Outlink> links) {
        return links.stream().map(Outlink::url).toList();
    }

    @Test
    void findsLinksGluedToArabicText() {
        assertThat(Outlinks.fromText("شاهدواhttps://t.me/Example_Channel/1الآن"))
                .containsExactly(new Outlink("https://t.me/example_channel/1", "t.me"));
    }

    @Test
    void stopsAtDelimitersAndCutsTrailingPunctuation() {
        String text = "«https://example.org/a» (https://example.org/b) “https://example.org/c” "
                + "https://example.org/d، https://example.org/e؛ https://example.org/f. https://example.org/g?! "
                + "<https://example.org/h> [https://example.org/i] https://example.org/j…";
        assertThat(urls(Outlinks.fromText(text))).containsExactly("https://example.org/a", "https://example.org/b",
                "https://example.org/c", "https://example.org/d", "https://example.org/e", "https://example.org/f",
                "https://example.org/g", "https://example.org/h", "https://example.org/i", "https://example.org/j");
    }

    @Test
    void findsDefangedAndSchemeLessPlatformLinksButNotMentions() {
        String text = "النشر hxxps://example[.]org/a و t.me/example_channel/12 و @example_channel "
                + "و youtu.be/AbC-123_xYz و www.example.net/x و report.pdf و user@t.me/x و foot.me/x";
        assertThat(urls(Outlinks.fromText(text))).containsExactly("https://example.org/a",
                "https://t.me/example_channel/12", "https://www.youtube.com/watch?v=AbC-123_xYz",
                "https://www.example.net/x");
    }

    @Test
    void deduplicatesByCanonicalUrlInOrderOfFirstAppearance() {
        String text = "https://t.me/b/2 http://telegram.me/A/1 https://t.me/s/a/1?single https://t.me/b/2";
        assertThat(Outlinks.fromText(text)).containsExactly(new Outlink("https://t.me/b/2", "t.me"),
                new Outlink("https://t.me/a/1", "t.me"));
    }

    @Test
    void splitsGluedLinksButKeepsEmbeddedOnes() {
        String text = "https://t.me/a/1https://t.me/b/2 https://web.archive.org/web/2019/https://example.org/x "
                + "https://www.google.com/url?q=https://example.org/y";
        assertThat(urls(Outlinks.fromText(text))).containsExactly("https://t.me/a/1", "https://t.me/b/2",
                "https://web.archive.org/web/2019/https://example.org/x", "https://example.org/y");
    }

    @Test
    void keepsAtMostAThousandLinks() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            text.append("https://example.org/").append(i).append(' ');
        }
        List<Outlink> links = Outlinks.fromText(text.toString());
        assertThat(links).hasSize(Outlinks.MAX);
        assertThat(links.get(999).url()).isEqualTo("https://example.org/999");
    }

    @Test
    void scansTenMegabytesOfHostileTextInOnePass() {
        int part = 2 * 1024 * 1024;
        // Patterns that make naive URL regexes backtrack: endless URL characters, endless "www.", near-starts,
        // defanging tokens, and one link repeated.
        String text = "https://" + "a".repeat(part) + " " + "www.".repeat(part / 4) + " "
                + "http:/ t.me ".repeat(part / 12) + "[.](.)hxxp".repeat(part / 10)
                + " https://t.me/a/1".repeat(part / 17);
        assertThat(text.length()).isGreaterThan(10_000_000);
        assertThat(Outlinks.fromText(text)).containsExactly(new Outlink("https://t.me/a/1", "t.me"));
    }

    @Test
    void emptyAndNullText() {
        assertThat(Outlinks.fromText(null)).isEmpty();
        assertThat(Outlinks.fromText("لا روابط هنا")).isEmpty();
        assertThat(Outlinks.fromHtml(null, "https://example.org/")).isEmpty();
    }

    @Test
    void htmlLinksAndEmbedsResolvedAgainstTheBase() {
        String html = """
                <html><head><link rel="canonical" href="https://example.org/self"></head><body>
                <a href="/a?utm_source=x">relative</a>
                <a href="b/c/">relative to the page</a>
                <a href="https://t.me/s/Example_Channel/5">post</a>
                <a href="javascript:alert(1)">script</a> <a href="mailto:x@example.org">mail</a>
                <a href="#top">fragment only</a> <a>no href</a>
                <iframe src="https://www.youtube-nocookie.com/embed/AbC-123_xYz"></iframe>
                <video src="//cdn.example.net/v.mp4"></video>
                <img src="https://example.org/logo.png">
                <a href="https://t.me/example_channel/5">duplicate</a>
                </body></html>""";
        assertThat(urls(Outlinks.fromHtml(html, "https://example.org/dir/page.html"))).containsExactly(
                "https://example.org/a", "https://example.org/dir/b/c", "https://t.me/example_channel/5",
                "https://example.org/dir/page.html", "https://www.youtube.com/watch?v=AbC-123_xYz",
                "https://cdn.example.net/v.mp4");
    }

    @Test
    void htmlBaseElementWinsAndHostileMarkupIsSurvived() {
        String html = "<base href='https://mirror.example.net/x/'><a href='y'>y</a><a href='"
                + "<".repeat(100_000) + "'>z</a><div>".repeat(10_000);
        assertThat(urls(Outlinks.fromHtml(html, "https://example.org/"))).contains("https://mirror.example.net/x/y");
        assertThat(Outlinks.fromHtml("<a href='x'>relative without base</a>", null)).isEmpty();
    }
}
