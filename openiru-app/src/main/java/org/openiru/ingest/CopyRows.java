package org.openiru.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import org.openiru.app.Json;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows streamed into {@code COPY … FROM STDIN} in PostgreSQL's text format, field by field, so that a
 * batch is never built as one big buffer (a single text may be tens of megabytes).
 */
final class CopyRows implements AutoCloseable {
    private static final ObjectWriter JSON = Json.MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final PGCopyOutputStream copy;
    private final Writer out;
    private final Writer escaped;
    private boolean firstField = true;

    CopyRows(Connection c, String copySql) throws SQLException {
        this.copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), copySql, 1 << 16);
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
        this.escaped = new EscapingWriter(out);
    }

    CopyRows text(String s) throws IOException {
        separate();
        if (s == null) {
            out.write("\\N");
        } else {
            escaped.write(s);
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

    CopyRows json(JsonNode node) throws IOException {
        separate();
        JSON.writeValue(escaped, node);
        return this;
    }

    CopyRows endRow() throws IOException {
        out.write('\n');
        firstField = true;
        return this;
    }

    @Override
    public void close() throws IOException {
        out.close();
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
        out.write(s == null ? "\\N" : s);
        return this;
    }

    private void separate() throws IOException {
        if (!firstField) {
            out.write('\t');
        }
        firstField = false;
    }

    /** Escapes what COPY's text format treats specially: backslash, tab, newline, carriage return. */
    private static final class EscapingWriter extends Writer {
        private final Writer out;

        EscapingWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                String esc = switch (buf[i]) {
                    case '\\' -> "\\\\";
                    case '\t' -> "\\t";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    default -> null;
                };
                if (esc != null) {
                    out.write(buf, start, i - start);
                    out.write(esc);
                    start = i + 1;
                }
            }
            out.write(buf, start, off + len - start);
        }

        /** In slices, so that a huge text is not copied into one more huge array. */
        @Override
        public void write(String s, int off, int len) throws IOException {
            char[] slice = new char[Math.min(len, 8192)];
            for (int at = off; at < off + len; at += slice.length) {
                int n = Math.min(slice.length, off + len - at);
                s.getChars(at, at + n, slice, 0);
                write(slice, 0, n);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the COPY stream is closed by CopyRows
        }
    }
}
