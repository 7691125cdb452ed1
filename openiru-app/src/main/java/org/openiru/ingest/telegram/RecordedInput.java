package org.openiru.ingest.telegram;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The input as the JSON parser reads it, with the bytes of the current message kept, so that the message's
 * raw record is what the export holds, byte for byte, instead of a parsed tree written out again (which was
 * a quarter of the importing thread's time: docs/benchmarks.md, "Ingest"). Outside a message only the last
 * {@link #LOOK_BACK} bytes are kept: the parser reads ahead in chunks of a few kilobytes, and a message's
 * first byte lies in what it read last; memory stays bounded by the largest message.
 */
final class RecordedInput extends FilterInputStream {
    static final int LOOK_BACK = 1 << 16;

    private byte[] kept = new byte[2 * LOOK_BACK];
    /** Offset in the input of {@code kept[0]}. */
    private long base;
    private int length;
    private boolean recording;

    RecordedInput(InputStream in) {
        super(in);
    }

    /**
     * Keeps everything from {@code offset} on, until {@link #take}; false if those bytes are gone already (or
     * the parser gives no byte offsets: input not in UTF-8).
     */
    boolean start(long offset) {
        recording = false;
        if (offset < base || offset > base + length) {
            return false;
        }
        drop((int) (offset - base));
        recording = true;
        return true;
    }

    /** The bytes from the start to {@code end} (exclusive), or null if they are not all here; recording stops. */
    byte[] take(long end) {
        recording = false;
        return end < base || end > base + length ? null : Arrays.copyOfRange(kept, 0, (int) (end - base));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            keep(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would lose the bytes of a message");
    }

    private void keep(byte[] b, int off, int n) {
        if (!recording && length + n > LOOK_BACK) {
            drop(Math.min(length, length + n - LOOK_BACK));
            if (kept.length > 4 * LOOK_BACK) {
                kept = Arrays.copyOf(kept, 2 * LOOK_BACK); // after a very large message
            }
        }
        if (length + n > kept.length) {
            kept = Arrays.copyOf(kept, Math.max(kept.length * 2, length + n));
        }
        System.arraycopy(b, off, kept, length, n);
        length += n;
    }

    private void drop(int n) {
        System.arraycopy(kept, n, kept, 0, length - n);
        length -= n;
        base += n;
    }
}
