package org.openiru.ingest.warc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.openiru.ingest.url.Outlink;
import org.openiru.ingest.url.Outlinks;

/**
 * What an archived HTML page says: title, visible text, the links it carries and the images it shows. The
 * page is only parsed: scripts and styles are dropped from the text, never run, and {@code javascript:} links
 * are not links.
 */
record HtmlPage(String title, String text, List<Outlink> outlinks, List<String> imageUrls) {
    private static final String INVISIBLE = "script, style, noscript, template";

    /** {@code charset} (nullable) from the HTTP header; else the page's own declaration, else UTF-8. */
    static HtmlPage parse(byte[] html, String charset, String url) throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(html), charset, url);
        Element body = doc.body().clone();
        body.select(INVISIBLE).remove();
        List<String> images = new ArrayList<>();
        for (Element img : doc.select("img[src]")) {
            String src = img.absUrl("src");
            if (!src.isEmpty()) {
                images.add(src);
            }
        }
        Charset decoded = doc.charset();
        return new HtmlPage(doc.title().strip(), body.text(), Outlinks.fromHtml(new String(html, decoded), url),
                images);
    }

    /** The item's text: the title on its own line, then the visible text. */
    String itemText() {
        return title.isEmpty() ? text : title + "\n\n" + text;
    }
}
