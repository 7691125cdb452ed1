package org.openiru.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.openiru.ingest.data.ItemsFile;
import org.openiru.ingest.tme.TmeCollector;
import org.openiru.ingest.warc.WarcImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code openiru ingest} subcommands of the connectors other than the Telegram export. */
final class IngestConnectorCommands {
    private IngestConnectorCommands() {
    }

    @Command(name = "tme", mixinStandardHelpOptions = true,
            description = "Collect a public Telegram channel from its web preview (t.me/s/<channel>), newest first.")
    static class Tme implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "URL|CHANNEL", description = "t.me/s/name, t.me/name, @name or name.")
        String channel;

        @Option(names = "--base-url", defaultValue = TmeCollector.DEFAULT_BASE_URL,
                description = "Where the preview pages are served (default: ${DEFAULT-VALUE}).")
        String baseUrl;

        @Option(names = "--until", converter = DateOrInstant.class,
                description = "Stop at messages older than this (2019-11-21 or 2019-11-21T10:00:00Z).")
        Instant until;

        @Option(names = "--until-id", description = "Stop at this message id (it and older ones are not collected).")
        Long untilId;

        @Option(names = "--max-pages", defaultValue = "100", description = "At most this many pages (default: 100).")
        int maxPages;

        @Option(names = "--delay-ms", defaultValue = "2000", description = "Pause between pages (default: 2000).")
        long delayMs;

        @Option(names = "--download-media", description = "Store photos and videos as evidence (else their "
                + "addresses only).")
        boolean downloadMedia;

        @Option(names = "--max-media-bytes", defaultValue = "" + (64L << 20),
                description = "Largest photo or video downloaded (default: ${DEFAULT-VALUE}).")
        long maxMediaBytes;

        @Option(names = "--source-name", description = "Name of the source (default: t.me/s/<channel>).")
        String sourceName;

        @Override
        public Integer call() throws IOException {
            TmeCollector.Options o = new TmeCollector.Options(baseUrl, until, untilId, maxPages,
                    Duration.ofMillis(delayMs), downloadMedia ? maxMediaBytes : 0, sourceName);
            return IngestCommand.run("ingest tme", (app, who, progress) -> app.tme.collect(who, channel, o, progress));
        }
    }

    @Command(name = "warc", mixinStandardHelpOptions = true,
            description = "Import a web archive (.warc or .warc.gz): pages become items, images evidence.")
    static class Warc implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PATH")
        Path path;

        @Option(names = "--max-record-bytes", defaultValue = "" + (256L << 20),
                description = "Largest record read, decompressed (default: ${DEFAULT-VALUE}).")
        long maxRecordBytes;

        @Option(names = "--max-total-bytes", defaultValue = "0", description = "Most decompressed bytes read in all "
                + "(default 0: 100 times the file's size, at least 1 GiB).")
        long maxTotalBytes;

        @Option(names = "--source-name", description = "Name of the source (default: the file's path).")
        String sourceName;

        @Override
        public Integer call() throws IOException {
            WarcImporter.Options o = new WarcImporter.Options(sourceName, maxRecordBytes, maxTotalBytes);
            return IngestCommand.run("ingest warc", (app, who, progress) -> app.warc.importWarc(who, path, o,
                    progress));
        }
    }

    @Command(name = "urls", mixinStandardHelpOptions = true,
            description = "Import a CSV list of URLs (url[,platform][,note]; header optional).")
    static class Urls extends LineFile {
        @Override
        public Integer call() throws IOException {
            return IngestCommand.run("ingest urls", (app, who, progress) -> app.itemsFiles.importCsv(who, path,
                    sourceName, maxLineBytes, progress));
        }
    }

    @Command(name = "jsonl", mixinStandardHelpOptions = true,
            description = "Import items as JSON Lines (schema: docs/ingest.md).")
    static class Jsonl extends LineFile {
        @Override
        public Integer call() throws IOException {
            return IngestCommand.run("ingest jsonl", (app, who, progress) -> app.itemsFiles.importJsonl(who, path,
                    sourceName, maxLineBytes, progress));
        }
    }

    /** The arguments of the line-oriented formats. */
    abstract static class LineFile implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PATH")
        Path path;

        @Option(names = "--max-line-bytes", defaultValue = "" + ItemsFile.DEFAULT_MAX_LINE_BYTES,
                description = "Longest line accepted (default: ${DEFAULT-VALUE}).")
        int maxLineBytes;

        @Option(names = "--source-name", description = "Name of the source (default: the file's path).")
        String sourceName;
    }

    /** A day (read as its start, UTC) or an exact time. */
    static final class DateOrInstant implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String s) {
            try {
                return s.contains("T") ? Instant.parse(s) : LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a date (2019-11-21) or time (2019-11-21T10:00:00Z): " + s);
            }
        }
    }
}
