package org.openiru.ingest.warc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.openiru.app.Json;
import org.openiru.audit.Actor;
import org.openiru.evidence.BlobStore;
import org.openiru.evidence.EvidenceException;
import org.openiru.evidence.SafePaths;
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
import org.openiru.platform.Platform;
import org.openiru.platform.Platforms;
import org.openiru.web.ApiException;

/**
 * Imports a web archive (WARC, ISO 28500). Two passes over the file: the first stores every image response as a
 * blob, the second turns every HTML response into an item (title and visible text, outlinks, the HTML itself as
 * a file, and the archived images its {@code <img>} elements show). Images no page shows become items of their
 * own. Other records are not items: see docs/ingest.md for what happens to each kind.
 */
public final class WarcImporter {
    /** Decompressed bytes allowed per file, as a multiple of its size on disk, and at least {@link #MIN_TOTAL}. */
    static final long MAX_EXPANSION = 100;
    static final long MIN_TOTAL = 1L << 30;
    /** Pages are read into memory to be parsed; no real page is larger. */
    static final long MAX_PAGE_BYTES = 32L << 20;

    /** {@code maxTotalBytes} 0 means {@link #MAX_EXPANSION} times the file's size (at least 1 GiB). */
    public record Options(String sourceName, long maxRecordBytes, long maxTotalBytes) {
        public static Options defaults() {
            return new Options(null, 256L << 20, 0);
        }
    }

    private final Ingest ingest;
    private final BlobStore blobs;
    private final Platforms platforms;

    public WarcImporter(Ingest ingest, BlobStore blobs, Platforms platforms) {
        this.ingest = ingest;
        this.blobs = blobs;
        this.platforms = platforms;
    }

    public Source importWarc(Actor who, Path file, Options o, Progress progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw ApiException.badRequest("path", file + " is not a file (expected a .warc or .warc.gz)");
        }
        long size = Files.size(file);
        long total = o.maxTotalBytes() > 0 ? o.maxTotalBytes() : Math.max(MIN_TOTAL, size * MAX_EXPANSION);
        String name = o.sourceName() != null ? o.sourceName() : file.toString();
        try (IngestRun run = ingest.begin(who, "warc", name, file.toAbsolutePath().toString())) {
            Pass pass = new Pass(file, run, new PlatformResolver(platforms.list()), o.maxRecordBytes());
            // damage is reported by the second pass, which reads every record the first one read
            Optional<String> stopped = new WarcScanner(file, o.maxRecordBytes(), total)
                    .scan(pass::image, (offset, message) -> { });
            WarcScanner pages = new WarcScanner(file, o.maxRecordBytes(), total);
            if (stopped.isEmpty()) {
                stopped = pages.scan((record, offset) -> {
                    pass.page(record, offset);
                    progress.report(run.itemsRead(), pages.position(), size);
                }, (offset, message) -> run.failed(error(file, offset, message)));
            }
            pass.unshownImages();
            progress.report(run.itemsRead(), size, size);
            return run.finish(stopped.map(why -> new ImportError(file.toString(), "", why)).orElse(null));
        }
    }

    static ImportError error(Path file, long offset, String message) {
        return new ImportError(file.toString(), "record at byte " + offset, message);
    }

    /** The state of one import: images stored in the first pass, and which of them pages show. */
    private final class Pass {
        private final Path file;
        private final IngestRun run;
        private final PlatformResolver resolver;
        private final long maxRecordBytes;
        /** Canonical image URL → blob, in archive order. */
        private final Map<String, String> images = new LinkedHashMap<>();
        private final Set<String> shown = new LinkedHashSet<>();

        Pass(Path file, IngestRun run, PlatformResolver resolver, long maxRecordBytes) {
            this.file = file;
            this.run = run;
            this.resolver = resolver;
            this.maxRecordBytes = maxRecordBytes;
        }

        void image(WarcRecord record, long offset) throws IOException {
            if (!(record instanceof WarcResponse r) || !isOk(r) || !"image".equals(type(r).type())) {
                return;
            }
            Optional<String> url = CanonicalUrl.of(r.target());
            if (url.isEmpty() || images.containsKey(url.get())) {
                return;
            }
            try (InputStream in = r.http().bodyDecoded().stream()) {
                images.put(url.get(), blobs.put(in, url.get(), maxRecordBytes).sha256());
            } catch (EvidenceException e) {
                run.error(error(file, offset, e.getMessage()));
            }
        }

        void page(WarcRecord record, long offset) throws IOException {
            if (record instanceof WarcRevisit) {
                run.skipped();
                return;
            }
            if (!(record instanceof WarcResponse r) || "image".equals(type(r).type()) && isOk(r)) {
                return;
            }
            MediaType type = type(r);
            if (!isOk(r) || !type.base().equals(MediaType.HTML) && !type.base().equals(MediaType.XHTML)) {
                run.skipped();
                return;
            }
            Optional<String> url = CanonicalUrl.of(r.target());
            if (url.isEmpty()) {
                run.failed(error(file, offset, "target URI " + SafePaths.printable(r.target()) + " is not a web address"));
                return;
            }
            byte[] html = readAtMost(r.http().bodyDecoded().stream(), Math.min(maxRecordBytes, MAX_PAGE_BYTES));
            HtmlPage page = HtmlPage.parse(html, type.parameters().get("charset"), url.get());
            List<MediaRef> media = new ArrayList<>();
            String snapshotName = r.date() + " " + url.get();
            media.add(new MediaRef("file", snapshotName,
                    blobs.put(new ByteArrayInputStream(html), snapshotName, maxRecordBytes).sha256()));
            Set<String> onPage = new LinkedHashSet<>();
            for (String src : page.imageUrls()) {
                CanonicalUrl.of(src).filter(images::containsKey).filter(onPage::add)
                        .ifPresent(img -> media.add(new MediaRef("photo", img, images.get(img))));
            }
            shown.addAll(onPage);
            ObjectNode raw = raw(r, offset).put("title", page.title());
            run.add(item(url.get(), page.itemText(), raw, media, page));
        }

        /** Images no page of the archive shows are evidence in their own right, at their own address. */
        void unshownImages() {
            images.forEach((url, sha256) -> {
                if (!shown.contains(url)) {
                    ObjectNode raw = Json.MAPPER.createObjectNode().put("file", file.toString());
                    raw.putObject("warc").put("target_uri", url);
                    run.add(item(url, "", raw, List.of(new MediaRef("photo", url, sha256)), null));
                }
            });
        }

        private IncomingItem item(String url, String text, ObjectNode raw, List<MediaRef> media, HtmlPage page) {
            String host = CanonicalUrl.host(url);
            Long platformId = resolver.forHost(host).map(Platform::id).orElse(null);
            ActorRef site = new ActorRef(platformId, "site:" + host, host, host, "site");
            return new IncomingItem(url, platformId, site, null, site, null, null, null, null,
                    RawRecords.withoutNul(text), RawRecords.json(raw),
                    () -> page == null ? List.of() : page.outlinks(), media);
        }

        private ObjectNode raw(WarcResponse r, long offset) throws IOException {
            ObjectNode raw = Json.MAPPER.createObjectNode().put("file", file.toString());
            raw.putObject("warc").put("offset", offset).put("record_id", r.id().toString())
                    .put("date", r.date().toString()).put("target_uri", r.target())
                    .put("status", r.http().status()).put("content_type", type(r).toString());
            return raw;
        }
    }

    private static boolean isOk(WarcResponse r) throws IOException {
        return r.http().status() == 200;
    }

    private static MediaType type(WarcResponse r) throws IOException {
        return MediaType.parseLeniently(r.http().headers().first("Content-Type").orElse(""));
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        try (in) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (b.length > max) {
                throw new WarcScanner.RecordTooLarge("the decoded page is larger than the limit of " + max + " bytes");
            }
            return b;
        }
    }
}
