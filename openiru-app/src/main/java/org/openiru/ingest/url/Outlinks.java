package org.openiru.ingest.url;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** The links an item carries, canonical, deduplicated, in order of first appearance. */
public final class Outlinks {

    /** At most this many distinct links per text or page; more is spam or an attack, not evidence. */
    static final int MAX = 1000;

    /**
     * Elements whose URL the page links to or embeds (players, frames, media files hosted elsewhere).
     * {@code <img>} is left out (logos, trackers), and so is {@code <link rel=canonical>}: it names the page
     * itself, not a place it links to.
     */
    private static final String LINKING = "a[href], area[href], iframe[src], frame[src], embed[src], video[src], "
            + "audio[src], source[src]";

    private Outlinks() {
    }

    /** The URLs in free text (see {@link TextScanner} for what counts as one); {@code @mentions} are not links. */
    public static List<Outlink> fromText(String text) {
        Found found = new Found();
        if (text != null) {
            TextScanner.scan(Defang.refang(text), found::add);
        }
        return found.list();
    }

    /** The links of an HTML page, relative ones resolved against {@code baseUrl} (or the page's {@code <base>}). */
    public static List<Outlink> fromHtml(String html, String baseUrl) {
        Found found = new Found();
        if (html != null) {
            for (Element e : Jsoup.parse(html, baseUrl == null ? "" : baseUrl).select(LINKING)) {
                if (!found.add(e.absUrl(e.hasAttr("href") ? "href" : "src"))) {
                    break;
                }
            }
        }
        return found.list();
    }

    private static final class Found {
        private final Map<String, Outlink> byUrl = new LinkedHashMap<>();
        // Spam repeats one link thousands of times; each spelling is canonicalised once.
        private final Set<String> seen = new HashSet<>();

        /** Adds the link if it canonicalises; false once the limit is reached. */
        boolean add(String raw) {
            if (seen.add(raw)) {
                CanonicalUrl.of(raw).ifPresent(url -> byUrl.computeIfAbsent(url, Outlink::of));
            }
            return byUrl.size() < MAX;
        }

        List<Outlink> list() {
            return List.copyOf(byUrl.values());
        }
    }
}
