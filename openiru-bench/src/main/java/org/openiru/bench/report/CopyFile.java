package org.openiru.bench.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.copy.CopyManager;

/**
 * The rows of one table in PostgreSQL's COPY text format, written to a file first and loaded later: tables are
 * generated together (a case, its events, its referral, its answers) but loaded one after the other, parents
 * first, for their foreign keys. Values: null, numbers, booleans, instants and text (escaped here; arrays are
 * passed in their text form, e.g. {@code {a,c}}).
 */
final class CopyFile implements AutoCloseable {
    private final String table;
    private final String columns;
    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    CopyFile(Path dir, String table, String columns) throws IOException {
        this.table = table;
        this.columns = columns;
        this.file = dir.resolve(table + ".copy");
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void row(Object... values) throws IOException {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                line.append("\\N");
            } else if (v instanceof Boolean b) {
                line.append(b ? 't' : 'f');
            } else if (v instanceof Number || v instanceof Instant) {
                line.append(v);
            } else {
                escape(v.toString());
            }
        }
        line.append('\n');
        out.append(line);
        rows++;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    /** Closes the file, copies it into the table and deletes it; returns the rows loaded. */
    long load(CopyManager copies) throws IOException, SQLException {
        out.close();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = copies.copyIn("COPY " + table + " (" + columns + ") FROM STDIN", in, 1 << 16);
            if (n != rows) {
                throw new IllegalStateException(table + ": wrote " + rows + " rows, COPY loaded " + n);
            }
        }
        Files.delete(file);
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
