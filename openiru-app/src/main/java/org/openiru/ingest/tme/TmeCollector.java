package org.openiru.ingest.tme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.openiru.app.Json;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.evidence.BlobStore;
import org.openiru.evidence.EvidenceException;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.ImportError;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.Ingest;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.MediaRef;
import org.openiru.ingest.RawRecords;
import org.openiru.ingest.Source;
import org.openiru.ingest.Progress;
import org.openiru.ingest.url.CanonicalUrl;
import org.openiru.ingest.url.PlatformResolver;
import org.openiru.platform.Platforms;

/**
 * Collects a public Telegram channel from its web preview ({@code <base>/s/<channel>}), newest page first,
 * following the "load more" link ({@code ?before=<id>}) back in time until a date, a message id, the page limit,
 * or the channel's first message. Polite by design: one request at a time, a pause between pages, a
 * User-Agent that names OpenIRU, and no retries (a refusal ends the run with an error; the unit decides).
 */
public final class TmeCollector {
    public static final String DEFAULT_BASE_URL = "https://t.me";
    /** A preview page is about 100 KB; anything far larger is not one. */
    static final int MAX_PAGE_BYTES = 8 << 20;
    /** Says who is asking, so that the site can tell a referral unit's collector from anything else. */
    private static final String USER_AGENT = "OpenIRU/" + OpenIru.version() + " (Internet Referral Unit collector)";

    /**
     * {@code until} and {@code untilId} (nullable) bound how far back; {@code maxMediaBytes} 0 records photo and
     * video addresses without downloading them.
     */
    public record Options(String baseUrl, Instant until, Long untilId, int maxPages, Duration delay,
                          long maxMediaBytes, String sourceName) {
        public static Options defaults() {
            return new Options(DEFAULT_BASE_URL, null, null, 100, Duration.ofSeconds(2), 0, null);
        }
    }

    private final Ingest ingest;
    private final BlobStore blobs;
    private final Platforms platforms;
    private final HttpClient http;

    public TmeCollector(Ingest ingest, BlobStore blobs, Platforms platforms) {
        this.ingest = ingest;
        this.blobs = blobs;
        this.platforms = platforms;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    public Source collect(Actor who, String channelOrUrl, Options o, Progress progress) throws IOException {
        String channel = TmeChannel.parse(channelOrUrl);
        String first = o.baseUrl().replaceAll("/+$", "") + "/s/" + channel;
        Long platformId = new PlatformResolver(platforms.list()).forHost("t.me").map(p -> p.id()).orElse(null);
        try (IngestRun run = ingest.begin(who, "tme", o.sourceName() != null ? o.sourceName() : "t.me/s/" + channel,
                first)) {
            ImportError fatal = null;
            String url = first;
            long lastBefore = Long.MAX_VALUE;
            for (int page = 1; page <= o.maxPages() && url != null; page++) {
                if (page > 1 && !pause(o.delay())) {
                    fatal = new ImportError(url, "page " + page, "interrupted; the pages before are stored");
                    break;
                }
                String html;
                try {
                    html = fetchPage(url);
                } catch (IOException e) {
                    fatal = new ImportError(url, "page " + page, e.getMessage());
                    break;
                }
                TmePage parsed = TmePage.parse(html, url);
                for (int i = 0; i < parsed.unreadable; i++) {
                    run.skipped();
                }
                boolean reachedEnd = false;
                for (TmeMessage m : parsed.messages) {
                    if (beyond(m, o)) {
                        reachedEnd = true;
                    } else {
                        run.add(item(m, platformId, url, o.maxMediaBytes(), run));
                    }
                }
                progress.report(run.itemsRead(), page, o.maxPages());
                OptionalLong before = parsed.before;
                // a page that does not lead further back would loop forever
                if (reachedEnd || before.isEmpty() || before.getAsLong() >= lastBefore) {
                    break;
                }
                lastBefore = before.getAsLong();
                url = first + "?before=" + lastBefore;
            }
            return run.finish(fatal);
        }
    }

    /** Older than the date or at/below the message id the user asked to stop at. */
    private static boolean beyond(TmeMessage m, Options o) {
        return o.untilId() != null && m.id() <= o.untilId()
                || o.until() != null && m.postedAt() != null && m.postedAt().isBefore(o.until());
    }

    private IncomingItem item(TmeMessage m, Long platformId, String pageUrl, long maxMediaBytes, IngestRun run) {
        String address = "https://t.me/" + m.channel() + "/" + m.id();
        ActorRef channel = new ActorRef(platformId, TmeChannel.actorId(m.channel()), m.channel(), m.channelTitle(),
                "channel");
        ObjectNode raw = Json.MAPPER.createObjectNode().put("collector", "tme").put("page", pageUrl)
                .put("views", m.views()).put("html", m.html());
        List<MediaRef> media = new ArrayList<>();
        m.photoUrls().forEach(u -> media.add(media("photo", u, maxMediaBytes, address, run)));
        m.videoUrls().forEach(u -> media.add(media("video", u, maxMediaBytes, address, run)));
        return new IncomingItem(CanonicalUrl.of(address).orElse(address), platformId, channel,
                Long.toString(m.id()), channel, forwardedFrom(m, platformId), null, m.postedAt(), null,
                RawRecords.withoutNul(m.text()), RawRecords.json(raw), m::outlinks, media);
    }

    private static ActorRef forwardedFrom(TmeMessage m, Long platformId) {
        if (m.forwardedFromHandle() != null) {
            return new ActorRef(platformId, TmeChannel.actorId(m.forwardedFromHandle()), m.forwardedFromHandle(),
                    m.forwardedFromName(), "unknown");
        }
        // a hidden origin shows only its name; same convention as the Telegram export importer
        return m.forwardedFromName() == null || m.forwardedFromName().isEmpty() ? null
                : new ActorRef(platformId, "name:" + m.forwardedFromName(), null, m.forwardedFromName(), "unknown");
    }

    /** The file at {@code url}, stored when downloads are on and it fits; else recorded by its address only. */
    private MediaRef media(String role, String url, long maxBytes, String item, IngestRun run) {
        if (maxBytes <= 0 || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return new MediaRef(role, url, null);
        }
        try {
            HttpResponse<InputStream> r = http.send(request(url), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new IOException("HTTP " + r.statusCode());
                }
                return new MediaRef(role, url, blobs.put(in, url, maxBytes).sha256());
            }
        } catch (IOException | EvidenceException e) {
            run.error(new ImportError(url, item, "not downloaded: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.error(new ImportError(url, item, "not downloaded: interrupted"));
        }
        return new MediaRef(role, url, null);
    }

    private String fetchPage(String url) throws IOException {
        try {
            HttpResponse<InputStream> r = http.send(request(url), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new IOException("HTTP " + r.statusCode() + " (the collection stops here; pages before "
                            + "this one are stored)");
                }
                byte[] body = in.readNBytes(MAX_PAGE_BYTES + 1);
                if (body.length > MAX_PAGE_BYTES) {
                    throw new IOException("page larger than " + MAX_PAGE_BYTES + " bytes; not a channel preview");
                }
                return new String(body, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("User-Agent", USER_AGENT).GET().build();
    }

    /** False when interrupted (the run ends there). */
    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
