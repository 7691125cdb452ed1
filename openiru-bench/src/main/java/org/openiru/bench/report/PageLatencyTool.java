package org.openiru.bench.report;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.bench.ProcessCpu;
import org.openiru.web.WebServer;

/**
 * Latency of pages on a database made by {@link ReportingDataset}: starts the application on it (web server on a
 * free loopback port, no workers), logs in through the login form, requests each path once cold (the first
 * request may fill caches: printed apart), then {@code warmup} times, then {@code n} times one after the other, and
 * prints p50/p95/p99/max in milliseconds with the CPU time (this JVM and PostgreSQL) per request, which a busy
 * machine does not inflate the way it inflates wall time.
 *
 * <p>{@code java -cp openiru-bench.jar org.openiru.bench.report.PageLatencyTool DATA_DIR USER N PATH...}, e.g.
 * {@code … /tmp/reporting bench-supervisor-1 500 / /action-days/1/board} (password {@value
 * ReportingDataset#PASSWORD}; warm-up: 50 requests, {@code -Dwarmup=N} to change).
 */
public final class PageLatencyTool {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PageLatencyTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: PageLatencyTool DATA_DIR USER N PATH...");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        String user = args[1];
        int n = Integer.parseInt(args[2]);
        List<String> paths = Arrays.asList(args).subList(3, args.length);
        int warmup = Integer.getInteger("warmup", 50);
        OpenIruConfig config = OpenIruConfig.from(Map.of("OPENIRU_DATA_DIR", dataDir.toString(),
                "OPENIRU_WORKER_THREADS", "0", "OPENIRU_HOST", "127.0.0.1", "OPENIRU_PORT", "0"), new Properties());
        try (OpenIru app = OpenIru.open(config)) {
            WebServer web = app.startWeb();
            String base = "http://127.0.0.1:" + web.port();
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            login(client, base, user);
            System.out.printf("user %s, %d requests per path after %d warm-up requests (one at a time)%n", user, n,
                    warmup);
            for (String path : paths) {
                ProcessCpu coldCpu = new ProcessCpu(dataDir);
                long cold = timed(client, base + path);
                String coldCost = coldCpu.since();
                for (int i = 0; i < warmup; i++) {
                    timed(client, base + path);
                }
                ProcessCpu cpu = new ProcessCpu(dataDir);
                long[] nanos = new long[n];
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    nanos[i] = timed(client, base + path);
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                Arrays.sort(nanos);
                System.out.printf("%s: cold %.1f ms (CPU %s); p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f requests/s;"
                                + " CPU over the %d requests: %s%n", path, cold / 1e6, coldCost, pct(nanos, 50), pct(nanos, 95),
                        pct(nanos, 99), nanos[n - 1] / 1e6, n / wall, n, cpu.since());
            }
        }
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** One GET; a status other than 200 stops the tool (a measured error page would be meaningless). */
    private static long timed(HttpClient client, String url) throws Exception {
        long t = System.nanoTime();
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - t;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode());
        }
        return took;
    }

    private static void login(HttpClient client, String base, String user) throws Exception {
        String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(form);
        if (!m.find()) {
            throw new IllegalStateException("No _csrf field on the login form");
        }
        String body = "_csrf=" + enc(m.group(1)) + "&username=" + enc(user) + "&password="
                + enc(ReportingDataset.PASSWORD) + "&next=%2F";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) {
            throw new IllegalStateException("Login of " + user + " failed: HTTP " + r.statusCode());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
