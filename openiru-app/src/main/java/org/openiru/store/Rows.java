package org.openiru.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Reading result-set columns the way every feature needs them. */
public final class Rows {
    private Rows() {
    }

    /** A {@code timestamptz} column as an instant; null when the column is null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * An instant to bind to a {@code timestamptz} parameter (null stays null). Bound as an offset date-time in UTC,
     * not as an instant, because the driver would otherwise read it in the JVM's time zone.
     */
    public static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    }

    /** A {@code text[]} column as a list; empty when the column is null. */
    public static List<String> strings(ResultSet rs, int column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        return a == null ? List.of() : Collections.unmodifiableList(Arrays.asList((String[]) a.getArray()));
    }
}
