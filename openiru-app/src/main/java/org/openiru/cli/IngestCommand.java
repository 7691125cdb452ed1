package org.openiru.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.evidence.BlobStore;
import org.openiru.ingest.ImportError;
import org.openiru.ingest.Progress;
import org.openiru.ingest.Source;
import org.openiru.ingest.telegram.TelegramImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code openiru ingest <kind> …}: one subcommand per connector. Each prints progress on standard error
 * and ends with the summary line {@code new=N updated=N duplicate=N failed=N} and {@code source=<id>}.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Import content into items.",
        subcommands = {IngestCommand.Telegram.class, IngestConnectorCommands.Tme.class,
                IngestConnectorCommands.Warc.class, IngestConnectorCommands.Urls.class,
                IngestConnectorCommands.Jsonl.class})
class IngestCommand {

    @Command(name = "telegram", mixinStandardHelpOptions = true,
            description = "Import a Telegram Desktop JSON export (result.json, or the directory holding it).")
    static class Telegram implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PATH", description = "result.json or the export directory.")
        Path path;

        @Option(names = "--source-name", description = "Name of the source (default: the file's path).")
        String sourceName;

        @Option(names = "--channel-username", description = "Public username of the chat of a single-chat export; "
                + "its messages get https://t.me/<username>/<id> addresses.")
        String channelUsername;

        @Option(names = "--max-file-bytes", defaultValue = "" + BlobStore.DEFAULT_MAX_BYTES,
                description = "Largest media file stored (default: ${DEFAULT-VALUE}).")
        long maxFileBytes;

        @Option(names = "--max-text-chars", defaultValue = "" + TelegramImporter.DEFAULT_MAX_TEXT_CHARS,
                description = "Longest string value accepted in the export (default: ${DEFAULT-VALUE}).")
        int maxTextChars;

        @Override
        public Integer call() throws IOException {
            TelegramImporter.Options options = new TelegramImporter.Options(sourceName, channelUsername,
                    maxFileBytes, maxTextChars);
            return run("ingest telegram", (app, who, progress) -> app.telegram.importExport(who, path, options,
                    progress));
        }
    }

    /** One import as a connector runs it, given the app, who runs it and where to report progress. */
    interface Connector {
        Source run(OpenIru app, Actor who, Progress progress) throws IOException;
    }

    /** Runs an import with the progress line and ends with {@link #report}. */
    static int run(String command, Connector connector) throws IOException {
        try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
            ProgressLine progress = new ProgressLine(System.err);
            Source s = connector.run(app, Actor.cli(command), progress::report);
            progress.end();
            return report(s);
        }
    }

    /** Prints the summary and the errors; exit status 1 when the import stopped early or lost batches. */
    static int report(Source s) {
        for (ImportError e : s.errors()) {
            System.err.println("error: " + e);
        }
        if (s.errorCount() > s.errors().size()) {
            System.err.println("… and " + (s.errorCount() - s.errors().size()) + " more errors");
        }
        System.out.println(s.summary());
        System.out.println("source=" + s.id());
        return Source.FINISHED.equals(s.status()) ? 0 : 1;
    }

    /** One line on standard error, redrawn at most twice a second: items, items per second, percent, ETA. */
    static final class ProgressLine {
        private final PrintStream out;
        private final long started = System.nanoTime();
        private long lastDrawn;

        ProgressLine(PrintStream out) {
            this.out = out;
        }

        void report(long items, long bytesRead, long totalBytes) {
            long now = System.nanoTime();
            if (now - lastDrawn < 500_000_000L) {
                return;
            }
            lastDrawn = now;
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            double done = totalBytes > 0 ? (double) bytesRead / totalBytes : 0;
            long eta = done > 0 ? Math.round(seconds / done - seconds) : -1;
            out.printf("\r%,d items  %,.0f items/s  %3.0f%%  ETA %s   ", items, items / seconds, done * 100,
                    eta < 0 ? "?" : eta / 60 + ":" + String.format("%02d", eta % 60));
        }

        void end() {
            if (lastDrawn != 0) {
                out.println();
            }
        }
    }
}
