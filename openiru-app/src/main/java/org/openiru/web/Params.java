package org.openiru.web;

import io.javalin.http.Context;

/** Reading path and query parameters with errors that name the parameter. */
public final class Params {
    private Params() {
    }

    public static long id(Context ctx) {
        return longPath(ctx, "id");
    }

    public static long longPath(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a number, not " + v);
        }
    }

    /** A query parameter as a whole number within bounds, or the default when absent. */
    public static int intQuery(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest(name, name + " must be a whole number from " + min + " to " + max);
    }

    /** A query parameter, or null when absent or blank. */
    public static String query(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A whole number from 1 to {@code max} given as text (e.g. a form field). */
    public static int positiveInt(String name, String value, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest(name, name + " must be a whole number from 1 to " + max);
    }

    /** A query parameter as a whole number, or null when absent. */
    public static Long longQuery(Context ctx, String name) {
        return longValue(name, query(ctx, name));
    }

    /** A parameter's text (stripped, null when absent) as a whole number, or null when absent. */
    public static Long longValue(String name, String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number");
        }
    }

    /**
     * A date query parameter (YYYY-MM-DD, UTC) as the start of that day plus {@code plusDays} (1 makes an
     * inclusive upper bound), or null when absent.
     */
    public static java.time.Instant dayQuery(Context ctx, String name, int plusDays) {
        return dayValue(name, query(ctx, name), plusDays);
    }

    /** As {@link #dayQuery} for a parameter's text (stripped, null when absent). */
    public static java.time.Instant dayValue(String name, String v, int plusDays) {
        if (v == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(v).plusDays(plusDays).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be a date like 2026-11-23");
        }
    }
}
