package org.openiru.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows streamed into {@code COPY … FROM STDIN} in PostgreSQL's text format, field by field, so that a
 * batch is never built as one big buffer (a single text may be tens of megabytes). Characters are encoded
 * to UTF-8 and escaped in one pass into a byte buffer: the writer chains this replaced were a tenth of the
 * importing thread's time (docs/benchmarks.md, "Ingest").
 */
final class CopyRows implements AutoCloseable {
    private static final byte[] NULL = {'\\', 'N'};
    private final PGCopyOutputStream copy;
    private final byte[] buf = new byte[1 << 16];
    private int len;
    private boolean firstField = true;

    CopyRows(Connection c, String copySql) throws SQLException {
        this.copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), copySql, 1 << 16);
    }

    CopyRows text(String s) throws IOException {
        separate();
        if (s == null) {
            ascii(NULL);
            return this;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                escaped(c);
            } else if (c < 0x800) {
                room(2);
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                room(4);
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | cp & 0x3F);
            } else {
                // a lone surrogate cannot be encoded; '?' is what Java's own UTF-8 encoder writes for it
                int ch = Character.isSurrogate(c) ? '?' : c;
                room(3);
                buf[len++] = (byte) (0xE0 | ch >> 12);
                buf[len++] = (byte) (0x80 | ch >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | ch & 0x3F);
            }
        }
        return this;
    }

    CopyRows number(Number n) throws IOException {
        return raw(n == null ? null : n.toString());
    }

    CopyRows time(Instant t) throws IOException {
        return raw(t == null ? null : t.toString());
    }

    /** bytea in hex form; the backslash is doubled because COPY's text format unescapes it first. */
    CopyRows bytes(byte[] b) throws IOException {
        return raw(b == null ? null : "\\\\x" + HexFormat.of().formatHex(b));
    }

    /** Text already encoded as UTF-8 (a raw record), escaped for COPY; bytes of multi-byte characters pass. */
    CopyRows utf8(byte[] b) throws IOException {
        separate();
        for (byte x : b) {
            escaped(x & 0xFF);
        }
        return this;
    }

    CopyRows endRow() throws IOException {
        room(1);
        buf[len++] = '\n';
        firstField = true;
        return this;
    }

    @Override
    public void close() throws IOException {
        drain();
        copy.close();
    }

    /** Abandons the COPY (the transaction is rolled back by the caller). */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway; the original error is what matters
        }
    }

    private CopyRows raw(String s) throws IOException {
        separate();
        if (s == null) {
            ascii(NULL);
        } else {
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf[len++] = (byte) s.charAt(i);
            }
        }
        return this;
    }

    private void separate() throws IOException {
        if (!firstField) {
            room(1);
            buf[len++] = '\t';
        }
        firstField = false;
    }

    /** Escapes what COPY's text format treats specially: backslash, tab, newline, carriage return. */
    private void escaped(int b) throws IOException {
        room(2);
        char escape = switch (b) {
            case '\\' -> '\\';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> 0;
        };
        if (escape != 0) {
            buf[len++] = '\\';
            buf[len++] = (byte) escape;
        } else {
            buf[len++] = (byte) b;
        }
    }

    private void ascii(byte[] b) throws IOException {
        room(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    private void room(int n) throws IOException {
        if (len + n > buf.length) {
            drain();
        }
    }

    private void drain() throws IOException {
        copy.write(buf, 0, len);
        len = 0;
    }
}
