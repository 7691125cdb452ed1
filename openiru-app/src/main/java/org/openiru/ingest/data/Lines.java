package org.openiru.ingest.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 file, each with its number and byte offset, in bounded memory: a line longer than
 * {@code maxLineBytes} is passed over to its end without being kept, and a line that is not valid UTF-8 is
 * reported with the byte offset of the first bad byte. Both are {@link BadLine}s; reading goes on after them.
 */
final class Lines {
    /** One line without its terminator ({@code \n} or {@code \r\n}); a leading byte-order mark is dropped. */
    record Line(long number, long offset, String text) {
    }

    /** A line that could not be read; {@link #position} names it for the error report. */
    static final class BadLine extends Exception {
        final String position;

        BadLine(String position, String message) {
            super(message);
            this.position = position;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int bufPos;
    private int bufLen;
    private byte[] line = new byte[256];
    private long number;
    private long offset;
    private boolean eof;

    Lines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Bytes consumed so far (for progress). */
    long bytesRead() {
        return offset;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException, BadLine {
        if (eof) {
            return null;
        }
        long start = offset;
        int length = 0;
        boolean tooLong = false;
        boolean ended = false;
        while (!ended) {
            if (bufPos == bufLen && !fill()) {
                eof = true;
                if (length == 0 && !tooLong && start == offset) {
                    return null;
                }
                break;
            }
            byte b = buf[bufPos++];
            offset++;
            if (b == '\n') {
                ended = true;
            } else if (length < maxLineBytes) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
                }
                line[length++] = b;
            } else {
                tooLong = true;
            }
        }
        number++;
        if (tooLong) {
            throw new BadLine("line " + number, "the line is longer than the limit of " + maxLineBytes
                    + " bytes; it was skipped");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int from = number == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF ? 3 : 0;
        return new Line(number, start, decode(from, length, start));
    }

    private String decode(int from, int length, long start) throws BadLine {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(line, from, length - from);
        CharBuffer chars = CharBuffer.allocate(length - from);
        CoderResult r = decoder.decode(bytes, chars, true);
        if (!r.isError()) {
            r = decoder.flush(chars);
        }
        if (r.isError()) {
            throw new BadLine("line " + number + " (byte " + (start + bytes.position()) + ")",
                    "not valid UTF-8: byte 0x" + String.format("%02x", line[bytes.position()] & 0xFF)
                            + " at column " + (bytes.position() + 1) + " of the line's bytes");
        }
        return chars.flip().toString();
    }

    private boolean fill() throws IOException {
        bufLen = in.read(buf);
        bufPos = 0;
        return bufLen > 0;
    }
}
