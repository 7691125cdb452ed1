package org.openiru.verify;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Makes one check of a referred URL through the guard and reads the answer against the "gone" markers. */
public final class Checker {
    private final GuardedHttp http;
    private final GuardedHttp.Limits limits;

    public Checker(GuardedHttp http, GuardedHttp.Limits limits) {
        this.http = http;
        this.limits = limits;
    }

    public CheckResult check(String url, long platformId, List<GoneMarker> allMarkers) {
        long started = System.nanoTime();
        List<GoneMarker> markers = allMarkers.stream()
                .filter(m -> m.appliesTo(platformId, hostOf(url))).toList();
        try {
            GuardedHttp.Response r = http.exchange("GET", url, null, null, Map.of("Accept",
                    "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"), limits,
                    target -> redirectMarker(markers, target) != null);
            List<GuardedHttp.Hop> redirects = r.hops().stream().filter(h -> h.location() != null).toList();
            // A short link (youtu.be) ends at the platform's page: its markers apply there too.
            String finalHost = hostOf(r.finalUrl());
            List<GoneMarker> atEnd = allMarkers.stream().filter(x -> markers.contains(x)
                    || x.appliesTo(platformId, finalHost)).toList();
            GoneMarker m = classify(atEnd, r, url);
            long ms = elapsed(started);
            if (m != null) {
                return new CheckResult("gone", r.status(), r.finalUrl(), redirects, m, "", ms);
            }
            if (r.status() >= 200 && r.status() < 300) {
                return new CheckResult("up", r.status(), r.finalUrl(), redirects, null, "", ms);
            }
            String why = r.status() >= 300 && r.status() < 400 ? "HTTP " + r.status() + " without a usable redirect"
                    : "HTTP " + r.status() + " is neither up nor a known sign of removal";
            return new CheckResult("error", r.status(), r.finalUrl(), redirects, null, why, ms);
        } catch (GuardedHttp.Failed e) {
            return new CheckResult("error", null, "", e.hops(), null, e.getMessage(), elapsed(started));
        } catch (OutboundRefused e) {
            return new CheckResult("error", null, "", List.of(), null, e.getMessage(), elapsed(started));
        }
    }

    /** Status first, then the redirect chain, then the page text: the cheapest sign that holds wins. */
    private static GoneMarker classify(List<GoneMarker> markers, GuardedHttp.Response r, String url) {
        for (GoneMarker m : markers) {
            if (m.matchesStatus(r.status())) {
                return m;
            }
        }
        for (GuardedHttp.Hop h : r.hops()) {
            GoneMarker m = h.location() == null ? null : redirectMarker(markers, h.location());
            if (m != null) {
                return m;
            }
        }
        if (!r.finalUrl().equals(url)) {
            GoneMarker m = redirectMarker(markers, r.finalUrl());
            if (m != null) {
                return m;
            }
        }
        String body = GoneMarker.fold(r.text());
        return markers.stream().filter(m -> m.matchesBody(body)).findFirst().orElse(null);
    }

    private static GoneMarker redirectMarker(List<GoneMarker> markers, String target) {
        return markers.stream().filter(m -> m.matchesRedirect(target)).findFirst().orElse(null);
    }

    static String hostOf(String url) {
        try {
            return OutboundGuard.hostOf(new URI(url));
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
