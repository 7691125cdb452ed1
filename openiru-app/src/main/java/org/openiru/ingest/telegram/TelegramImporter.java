package org.openiru.ingest.telegram;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openiru.audit.Actor;
import org.openiru.evidence.BlobStore;
import org.openiru.ingest.ImportError;
import org.openiru.ingest.Ingest;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.Progress;
import org.openiru.ingest.Source;
import org.openiru.ingest.url.PlatformResolver;
import org.openiru.platform.Platform;
import org.openiru.platform.Platforms;
import org.openiru.web.ApiException;

/**
 * Imports a Telegram Desktop JSON export ({@code result.json}, or the directory holding it) into items.
 * Broken input stops the reading where it breaks; everything before that point is stored, and the source
 * is marked failed with the position of the break.
 */
public final class TelegramImporter {
    /** Texts up to 64 Mi characters are stored whole; a longer string stops the import with an error. */
    public static final int DEFAULT_MAX_TEXT_CHARS = 64 << 20;
    private static final int PROGRESS_EVERY = 1000;

    /** {@code channelUsername} (nullable) gives a single-chat export its public t.me name. */
    public record Options(String sourceName, String channelUsername, long maxFileBytes, int maxTextChars) {
        public static Options defaults() {
            return new Options(null, null, BlobStore.DEFAULT_MAX_BYTES, DEFAULT_MAX_TEXT_CHARS);
        }

        public Options withSourceName(String name) {
            return new Options(name, channelUsername, maxFileBytes, maxTextChars);
        }

        public Options withChannelUsername(String username) {
            return new Options(sourceName, username, maxFileBytes, maxTextChars);
        }

        public Options withMaxTextChars(int max) {
            return new Options(sourceName, channelUsername, maxFileBytes, max);
        }
    }

    private final Ingest ingest;
    private final BlobStore blobs;
    private final Platforms platforms;

    public TelegramImporter(Ingest ingest, BlobStore blobs, Platforms platforms) {
        this.ingest = ingest;
        this.blobs = blobs;
        this.platforms = platforms;
    }

    public Source importExport(Actor who, Path path, Options options, Progress progress) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve("result.json") : path;
        if (!Files.isRegularFile(file)) {
            throw ApiException.badRequest("path", file + " is not a file (expected a Telegram export's result.json)");
        }
        long size = Files.size(file);
        String name = options.sourceName() != null ? options.sourceName() : file.toString();
        try (IngestRun run = ingest.begin(who, "telegram_export", name, file.toAbsolutePath().toString())) {
            TelegramExportReader reader = new TelegramExportReader(options.maxTextChars(), options.channelUsername());
            TelegramMessages messages = new TelegramMessages(telegramPlatform(), file, blobs, options.maxFileBytes(),
                    run);
            long[] count = {0};
            ImportError fatal = null;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                reader.read(in, (chat, message, raw, at) -> {
                    messages.add(chat, message, raw, at);
                    if (++count[0] % PROGRESS_EVERY == 0) {
                        progress.report(run.itemsRead(), reader.bytesRead(), size);
                    }
                });
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                fatal = new ImportError(file.toString(), at == null ? "byte " + reader.bytesRead() : position(at),
                        e.getOriginalMessage());
            } catch (IOException e) {
                // the file could not be read on (a disk error, a file cut while being read)
                fatal = new ImportError(file.toString(), "byte " + reader.bytesRead(), e.toString());
            }
            progress.report(run.itemsRead(), reader.bytesRead(), size);
            return run.finish(fatal);
        }
    }

    /** Where in the export: line and column, and the byte offset (which also locates broken encodings). */
    static String position(JsonLocation at) {
        return "line " + at.getLineNr() + " column " + at.getColumnNr() + " (byte " + at.getByteOffset() + ")";
    }

    /** The platform whose domains include t.me; items stay without a platform when there is none. */
    private Long telegramPlatform() {
        return new PlatformResolver(platforms.list()).forHost("t.me").map(Platform::id).orElse(null);
    }
}
