package org.openiru.ingest.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openiru.audit.Actor;
import org.openiru.evidence.BlobStore;
import org.openiru.ingest.ImportError;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.Ingest;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.Source;
import org.openiru.ingest.Progress;
import org.openiru.platform.Platforms;
import org.openiru.web.ApiException;

/**
 * Imports a line-oriented file of items (JSONL, or a CSV list of URLs): each line is read in bounded memory,
 * turned into an item by the {@link LineFormat}, and a bad line becomes an error naming its line (and byte, for
 * broken UTF-8) while the other lines are imported.
 */
public final class ItemsFile {
    /** Lines up to 16 MiB: far more than any real item, far less than memory. */
    public static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;

    /** How one format reads its lines; {@code null} from {@link #item} means the line holds no item (a header). */
    interface LineFormat {
        IncomingItem item(Lines.Line line, ItemJson schema) throws ItemJson.Invalid;
    }

    private final Ingest ingest;
    private final BlobStore blobs;
    private final Platforms platforms;

    public ItemsFile(Ingest ingest, BlobStore blobs, Platforms platforms) {
        this.ingest = ingest;
        this.blobs = blobs;
        this.platforms = platforms;
    }

    /** A JSON Lines file: one item object per line (docs/ingest.md). */
    public Source importJsonl(Actor who, Path file, String sourceName, int maxLineBytes, Progress progress)
            throws IOException {
        return importFile(who, "jsonl", file, sourceName, maxLineBytes, new JsonlFormat(), progress);
    }

    /** A CSV list of URLs: {@code url[,platform][,note]}, header optional. */
    public Source importCsv(Actor who, Path file, String sourceName, int maxLineBytes, Progress progress)
            throws IOException {
        return importFile(who, "urls", file, sourceName, maxLineBytes, new UrlListFormat(file), progress);
    }

    private Source importFile(Actor who, String kind, Path file, String sourceName, int maxLineBytes,
                              LineFormat format, Progress progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw ApiException.badRequest("path", file + " is not a file");
        }
        long size = Files.size(file);
        ItemJson schema = new ItemJson(platforms.list(), sha -> blobs.find(sha).isPresent());
        try (IngestRun run = ingest.begin(who, kind, sourceName != null ? sourceName : file.toString(),
                file.toAbsolutePath().toString());
             InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Lines lines = new Lines(in, maxLineBytes);
            while (true) {
                Lines.Line line;
                try {
                    line = lines.next();
                } catch (Lines.BadLine e) {
                    run.failed(new ImportError(file.toString(), e.position, e.getMessage()));
                    continue;
                }
                if (line == null) {
                    break;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                try {
                    IncomingItem item = format.item(line, schema);
                    if (item != null) {
                        run.add(item);
                    }
                } catch (ItemJson.Invalid e) {
                    run.failed(new ImportError(file.toString(), "line " + line.number(), e.getMessage()));
                }
                if (line.number() % 1000 == 0) {
                    progress.report(run.itemsRead(), lines.bytesRead(), size);
                }
            }
            progress.report(run.itemsRead(), size, size);
            return run.finish(null);
        }
    }
}
