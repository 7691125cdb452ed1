package org.openiru.ingest.url;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A URL split into the parts canonicalisation works on. Path, query and fragment hold percent-encoded text;
 * the user-info is never kept (it identifies nothing and can hide the real host: {@code https://t.me@evil.com}).
 */
record UrlParts(String scheme, String host, int port, String path, List<Param> query, String fragment) {

    /** One query parameter; {@code value} is null for a bare name ({@code ?single}). */
    record Param(String name, String value) {
        @Override
        public String toString() {
            return value == null ? name : name + "=" + value;
        }
    }

    UrlParts {
        query = List.copyOf(query);
    }

    /** Splits {@code scheme://authority/path?query#fragment}; empty when there is no {@code ://}. */
    static Optional<UrlParts> parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            return Optional.empty();
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = url.substring(schemeEnd + 3);
        int hash = rest.indexOf('#');
        String fragment = hash < 0 ? null : Percent.normalise(rest.substring(hash + 1), true);
        rest = hash < 0 ? rest : rest.substring(0, hash);
        int question = rest.indexOf('?');
        String rawQuery = question < 0 ? "" : rest.substring(question + 1);
        // Browsers read a backslash before the query as a slash; so must we, or "evil.com\@t.me" would look like t.me.
        rest = (question < 0 ? rest : rest.substring(0, question)).replace('\\', '/');
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : Percent.normalise(rest.substring(slash), false);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.lastIndexOf(':');
        int port = -1;
        if (colon >= 0 && colon > authority.lastIndexOf(']')) {
            String digits = authority.substring(colon + 1);
            authority = authority.substring(0, colon);
            if (!digits.isEmpty()) {
                if (digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(digits) > 65535) {
                    return Optional.empty();
                }
                port = Integer.parseInt(digits);
            }
        }
        return Optional.of(new UrlParts(scheme, authority, port, path, parseQuery(rawQuery), fragment));
    }

    private static List<Param> parseQuery(String raw) {
        List<Param> params = new ArrayList<>();
        for (String piece : raw.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            params.add(eq < 0 ? new Param(Percent.normalise(piece, true), null)
                    : new Param(Percent.normalise(piece.substring(0, eq), true),
                            Percent.normalise(piece.substring(eq + 1), true)));
        }
        return params;
    }

    /** The path's non-empty segments, still percent-encoded. */
    List<String> segments() {
        return new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
    }

    /** The first value of a parameter, as written (percent-encoded). */
    Optional<String> param(String name) {
        return query.stream().filter(p -> p.name().equals(name) && p.value() != null).map(Param::value).findFirst();
    }

    UrlParts withScheme(String s) {
        return new UrlParts(s, host, port, path, query, fragment);
    }

    UrlParts withHost(String h) {
        return new UrlParts(scheme, h, port, path, query, fragment);
    }

    UrlParts withPort(int p) {
        return new UrlParts(scheme, host, p, path, query, fragment);
    }

    UrlParts withPath(String p) {
        return new UrlParts(scheme, host, port, p, query, fragment);
    }

    /**
     * Lower-cases one path segment when it is a user name of the given form (names are case-insensitive on the
     * platforms that call this; ids and invite hashes, which are not, never match the form).
     */
    UrlParts lowerSegment(int index, Pattern name) {
        List<String> segments = segments();
        if (index >= segments.size() || !name.matcher(segments.get(index)).matches()) {
            return this;
        }
        segments.set(index, segments.get(index).toLowerCase(Locale.ROOT));
        return withSegments(segments);
    }

    UrlParts withSegments(List<String> segments) {
        return withPath("/" + String.join("/", segments));
    }

    UrlParts withQuery(List<Param> q) {
        return new UrlParts(scheme, host, port, path, q, fragment);
    }

    UrlParts withFragment(String f) {
        return new UrlParts(scheme, host, port, path, query, f);
    }

    /** Drops the parameters the predicate matches, keeping the order of the others. */
    UrlParts without(Predicate<String> name) {
        return withQuery(query.stream().filter(p -> !name.test(p.name())).toList());
    }

    /**
     * Keeps only the named parameters, in the order given (first value of each): the result no longer depends
     * on the order the parameters were written in.
     */
    UrlParts keepOnly(List<String> names) {
        List<Param> kept = new ArrayList<>();
        for (String name : names) {
            param(name).ifPresent(v -> kept.add(new Param(name, v)));
        }
        return withQuery(kept);
    }

    UrlParts withoutQuery() {
        return withQuery(List.of());
    }

    boolean hostIn(Set<String> hosts) {
        return hosts.contains(host);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(scheme).append("://").append(host);
        if (port >= 0) {
            s.append(':').append(port);
        }
        s.append(path.isEmpty() ? "/" : path);
        if (!query.isEmpty()) {
            s.append('?');
            for (int i = 0; i < query.size(); i++) {
                s.append(i == 0 ? "" : "&").append(query.get(i));
            }
        }
        if (fragment != null) {
            s.append('#').append(fragment);
        }
        return s.toString();
    }
}
