package org.openiru.ingest.warc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds where a gzip member ends by inflating it into nothing, counting what it inflates to. A WARC writer
 * compresses each record as its own member, so this bounds a record by what it really inflates to (a header may
 * understate it) and tells where the next record starts, whatever the record's own headers say.
 */
final class GzipMembers {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int TRAILER = 8;

    /** Where a member ends (the offset just after it) and how many bytes it inflates to. */
    record Member(long end, long inflated) {
    }

    private GzipMembers() {
    }

    /** Measures the member at {@code start}; refuses one inflating to more than {@code maxInflated}. */
    static Member measure(FileChannel channel, long start, long maxInflated) throws IOException {
        Input in = new Input(channel, start);
        if (in.read() != 0x1f || in.read() != 0x8b || in.read() != 8) {
            throw new IOException("not a gzip member (bad magic bytes or method)");
        }
        int flags = in.read();
        in.skip(6); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            in.skip(in.read() | in.read() << 8);
        }
        for (int field : new int[] {FNAME, FCOMMENT}) {
            if ((flags & field) != 0) {
                while (in.read() != 0) {
                    // a zero-terminated name or comment
                }
            }
        }
        if ((flags & FHCRC) != 0) {
            in.skip(2);
        }
        long deflateStart = in.position;
        Inflater inflater = new Inflater(true);
        try {
            byte[] out = new byte[1 << 16];
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    ByteBuffer chunk = in.chunk();
                    if (chunk == null) {
                        throw new IOException("the gzip member is cut off at the end of the file");
                    }
                    inflater.setInput(chunk);
                }
                inflater.inflate(out);
                if (inflater.getBytesWritten() > maxInflated) {
                    throw new WarcScanner.RecordTooLarge("the record inflates to more than the limit of " + maxInflated
                            + " bytes; skipped");
                }
                if (inflater.needsDictionary()) {
                    throw new IOException("the gzip member needs a preset dictionary");
                }
            }
            return new Member(deflateStart + inflater.getBytesRead() + TRAILER, inflater.getBytesWritten());
        } catch (DataFormatException e) {
            throw new IOException("the gzip member does not inflate: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    /** Reads a file from an offset, byte by byte for the header and in chunks for the deflate data. */
    private static final class Input {
        private final FileChannel channel;
        private long position;

        Input(FileChannel channel, long position) {
            this.channel = channel;
            this.position = position;
        }

        int read() throws IOException {
            ByteBuffer one = ByteBuffer.allocate(1);
            if (channel.read(one, position) != 1) {
                throw new IOException("the gzip header is cut off at the end of the file");
            }
            position++;
            return one.get(0) & 0xFF;
        }

        void skip(long n) {
            position += n;
        }

        /** The next chunk, or null at the end of the file. */
        ByteBuffer chunk() throws IOException {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            int n = channel.read(buf, position);
            if (n <= 0) {
                return null;
            }
            position += n;
            return buf.flip();
        }
    }
}
