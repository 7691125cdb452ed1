package org.openiru.ingest.warc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Reads the records of one WARC file (gzipped per record, or not) and steps over damage. A record that cannot be
 * parsed, or that is larger than {@code maxRecordBytes} (declared, or for gzip really inflated), is reported with
 * its byte offset, and reading resumes at the next place where a record starts (a gzip member header, or a
 * {@code WARC/1.x} line), so the good records after it are still read. The decompressed sizes of all records are
 * summed against {@code maxTotalBytes}: a decompression bomb is refused once it inflates past the record limit,
 * without keeping what it inflates to, and a file that inflates without end is stopped.
 */
final class WarcScanner {
    interface Handler {
        void record(WarcRecord record, long offset) throws IOException;
    }

    interface Errors {
        void at(long offset, String message);
    }

    /** Raised by handlers (and the scanner) for a record too large to read; the record is skipped unread. */
    static final class RecordTooLarge extends IOException {
        RecordTooLarge(String message) {
            super(message);
        }
    }

    /** WARC and HTTP headers are a few hundred bytes; a member may inflate to this much more than its block. */
    private static final long MAX_HEADER_BYTES = 1 << 20;
    private static final byte[] GZIP_MEMBER = {0x1f, (byte) 0x8b, 0x08};
    private static final byte[][] WARC_LINES = {"WARC/1.0\r\n".getBytes(StandardCharsets.US_ASCII),
            "WARC/1.1\r\n".getBytes(StandardCharsets.US_ASCII)};

    private final Path file;
    private final long maxRecordBytes;
    private final long maxTotalBytes;
    private long position;
    private long total;

    WarcScanner(Path file, long maxRecordBytes, long maxTotalBytes) {
        this.file = file;
        this.maxRecordBytes = maxRecordBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** Where the reader is in the (compressed) file, for progress. */
    long position() {
        return position;
    }

    /** Reads every record; returns the reason the reading stopped early, or empty when it reached the end. */
    Optional<String> scan(Handler handler, Errors errors) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             WarcReader reader = new WarcReader(channel)) {
            return reader.compression() == WarcCompression.GZIP ? scanMembers(channel, reader, handler, errors)
                    : scanPlain(channel, reader, handler, errors);
        }
    }

    /**
     * Gzipped: each member is measured by inflating it ({@link GzipMembers}) before jwarc reads it, and the reader
     * is placed at the next member afterwards, so a record never inflates past the limit and junk after a record's
     * declared end (an understated length) is never read as the next record.
     */
    private Optional<String> scanMembers(FileChannel channel, WarcReader reader, Handler handler, Errors errors)
            throws IOException {
        for (long at = 0; at >= 0 && at < channel.size(); ) {
            position = at;
            GzipMembers.Member member;
            try {
                member = GzipMembers.measure(channel, at, maxRecordBytes + MAX_HEADER_BYTES);
                total += member.inflated();
                if (total > maxTotalBytes) {
                    return Optional.of(totalExceeded());
                }
                reader.position(at);
                Optional<WarcRecord> record = reader.next();
                if (record.isEmpty()) {
                    throw new IOException("no WARC record in the gzip member");
                }
                handle(record.get(), at, handler);
            } catch (IOException e) {
                errors.at(at, message(e));
                at = nextRecordStart(channel, at + 1, true);
                continue;
            }
            at = member.end();
        }
        return Optional.empty();
    }

    /** Uncompressed: what a record declares is what the file holds, so jwarc reads on; damage is stepped over. */
    private Optional<String> scanPlain(FileChannel channel, WarcReader reader, Handler handler, Errors errors)
            throws IOException {
        // where the next record can start: the reader reads ahead, so its position is not that of a failure
        long searchFrom = 0;
        while (true) {
            WarcRecord record = null;
            try {
                Optional<WarcRecord> next = reader.next();
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                record = next.get();
                position = record.position();
                searchFrom = position + 1;
                total += record.body().size();
                if (total > maxTotalBytes) {
                    return Optional.of(totalExceeded());
                }
                handle(record, position, handler);
            } catch (IOException e) {
                // a record that failed while being parsed starts at the first record start after the last good one
                long failed = record != null ? record.position() : nextRecordStart(channel, searchFrom, false);
                errors.at(failed < 0 ? reader.position() : failed, message(e));
                long resume = failed < 0 ? -1 : nextRecordStart(channel, failed + 1, false);
                if (resume < 0) {
                    return Optional.empty();
                }
                reader.position(resume);
                searchFrom = resume;
            }
        }
    }

    /** Refuses a record that declares more than the limit, else hands it on. */
    private void handle(WarcRecord record, long at, Handler handler) throws IOException {
        long declared = record.body().size();
        if (declared > maxRecordBytes) {
            throw new RecordTooLarge("the record declares " + declared + " bytes, more than the limit of "
                    + maxRecordBytes + "; skipped without reading it");
        }
        handler.record(record, at);
    }

    private String totalExceeded() {
        return "the records add up to more than " + maxTotalBytes + " bytes (decompressed); the rest of the file is "
                + "not read";
    }

    private static String message(IOException e) {
        return e instanceof RecordTooLarge ? e.getMessage() : "unreadable record (" + e.getMessage() + ")";
    }

    /** The offset of the next record start at or after {@code from}, or -1 at the end of the file. */
    private static long nextRecordStart(FileChannel channel, long from, boolean gzip) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (long at = from; at < channel.size(); ) {
            buf.clear();
            int n = channel.read(buf, at);
            if (n <= 0) {
                break;
            }
            byte[] b = buf.array();
            int margin = Math.max(GZIP_MEMBER.length, WARC_LINES[0].length);
            int limit = at + n >= channel.size() ? n : n - margin;
            for (int i = 0; i < limit; i++) {
                if (gzip ? matches(b, i, n, GZIP_MEMBER)
                        : matches(b, i, n, WARC_LINES[0]) || matches(b, i, n, WARC_LINES[1])) {
                    return at + i;
                }
            }
            at += Math.max(1, limit);
        }
        return -1;
    }

    private static boolean matches(byte[] b, int at, int length, byte[] pattern) {
        if (at + pattern.length > length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (b[at + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }
}
