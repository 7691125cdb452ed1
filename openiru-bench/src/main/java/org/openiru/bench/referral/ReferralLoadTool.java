package org.openiru.bench.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openiru.app.Json;
import org.openiru.bench.ProcessCpu;
import org.openiru.delivery.WebhookSignature;

/**
 * The referral benchmark of issue 7: N approved items on P platforms → referrals built and every delivery made
 * (e-mail to an in-process GreenMail, webhooks to a local HTTP server that checks signatures), timed from the
 * start of building until the last delivery arrives. The application runs as a child JVM on the same class path
 * (embedded PostgreSQL in a temporary data directory). With {@code --kill-at K} the child is killed (SIGKILL)
 * once K deliveries have arrived, started again, and the run ends with a check that every item arrived exactly
 * once per platform and channel.
 *
 * <p>{@code java -cp openiru-bench.jar org.openiru.bench.referral.ReferralLoadTool [items=26000] [platforms=9]
 * [--kill-at K]}
 */
public final class ReferralLoadTool {
    /** One webhook request as the server got it. */
    private record Hook(String path, String key, String body, boolean signed) {
    }

    private final ConcurrentLinkedQueue<Hook> hooks = new ConcurrentLinkedQueue<>();
    private final AtomicLong lastReceived = new AtomicLong();
    private final Properties secrets = new Properties();
    private GreenMail smtp;
    private HttpServer web;
    private Path work;

    private ReferralLoadTool() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        int killAt = -1;
        int k = rest.indexOf("--kill-at");
        if (k >= 0) {
            killAt = Integer.parseInt(rest.get(k + 1));
            rest.subList(k, k + 2).clear();
        }
        int items = rest.size() > 0 ? Integer.parseInt(rest.get(0)) : 26_000;
        int platforms = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 9;
        ReferralLoadTool tool = new ReferralLoadTool();
        try {
            System.exit(tool.bench(items, platforms, killAt) ? 0 : 1);
        } finally {
            tool.stop();
        }
    }

    private boolean bench(int items, int platforms, int killAt) throws Exception {
        work = Files.createTempDirectory("openiru-referral-bench");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        web.setExecutor(Executors.newFixedThreadPool(4));
        web.createContext("/hook/", this::hook);
        web.start();
        String base = "http://127.0.0.1:" + web.getAddress().getPort();

        long t = System.nanoTime();
        Path secretsFile = work.resolve("secrets.properties");
        Child setup = child("setup", String.valueOf(items), String.valueOf(platforms), base, secretsFile.toString());
        setup.waitFor();
        try (Reader r = Files.newBufferedReader(secretsFile, StandardCharsets.UTF_8)) {
            secrets.load(r);
        }
        System.out.printf("setup: %s in %.1f s%n", setup.line("SETUP"), (System.nanoTime() - t) / 1e9);

        Duration toolCpu0 = ProcessCpu.of(ProcessHandle.current());
        Child run = child("run");
        long buildStart = Long.parseLong(run.await("BUILD-START").split(" ")[1]);
        if (killAt >= 0) {
            while (received() < killAt && run.process.isAlive()) {
                Thread.sleep(5);
            }
            run.process.destroyForcibly().waitFor();
            System.out.printf("killed the application (SIGKILL) after %d deliveries had arrived; starting it again%n",
                    received());
            run = child("run");
        }
        run.waitFor();
        long last = lastReceived.get();
        System.out.printf("%s; %s%n", run.line("BUILT"), run.line("CPU"));
        // One e-mail and one webhook per referral; a platform's items make a new referral every 1,000.
        System.out.printf("received %d e-mails and %d webhooks; first build start to last "
                        + "delivery: %.2f s%s%n", smtp.getReceivedMessages().length, hooks.size(),
                (last - buildStart) / 1e3, killAt >= 0 ? " (including the kill and the restart)" : "");
        System.out.printf("CPU of the tool (SMTP and webhook servers): %.1f s%n",
                ProcessCpu.of(ProcessHandle.current()).minus(toolCpu0).toMillis() / 1e3);
        return verify(items, platforms);
    }

    /** Every item once per platform and channel, counted by distinct delivery key and by raw receptions. */
    private boolean verify(int items, int platforms) throws Exception {
        Map<String, List<String>> mailByKey = new HashMap<>();
        int rawMail = 0;
        List<String> rawMailUrls = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (!m.getHeader("To", ",").contains("bench.example")) {
                continue;
            }
            rawMail++;
            List<String> urls = csvUrls((MimeMultipart) m.getContent());
            rawMailUrls.addAll(urls);
            mailByKey.put(m.getHeader("X-OpenIRU-Delivery", null), urls);
        }
        Map<String, List<String>> hookByKey = new HashMap<>();
        List<String> rawHookUrls = new ArrayList<>();
        int unsigned = 0;
        for (Hook h : hooks) {
            unsigned += h.signed() ? 0 : 1;
            List<String> urls = new ArrayList<>();
            for (JsonNode item : Json.MAPPER.readTree(h.body()).get("items")) {
                urls.add(item.get("url").asText());
            }
            rawHookUrls.addAll(urls);
            hookByKey.put(h.key(), urls);
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < items; i++) {
            expected.add(ReferralBenchApp.url(i % platforms, i));
        }
        boolean ok = check("e-mail", mailByKey, rawMail, rawMailUrls, expected);
        ok &= check("webhook", hookByKey, hooks.size(), rawHookUrls, expected);
        System.out.printf("webhook signatures: %d of %d did not verify%n", unsigned, hooks.size());
        return ok && unsigned == 0;
    }

    private static boolean check(String channel, Map<String, List<String>> byKey, int raw, List<String> rawUrls,
                                 Set<String> expected) {
        List<String> urls = byKey.values().stream().flatMap(List::stream).toList();
        Set<String> distinct = new HashSet<>(urls);
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(distinct);
        boolean exactlyOnce = urls.size() == distinct.size() && missing.isEmpty() && distinct.equals(expected);
        System.out.printf("%s: %d distinct delivery keys, %d raw receptions (%d duplicates, same key); items: %d "
                        + "distinct of %d expected, %d missing, %d in more than one delivery; raw item receptions "
                        + "%d → %s%n", channel, byKey.size(), raw, raw - byKey.size(), distinct.size(),
                expected.size(), missing.size(), urls.size() - distinct.size(), rawUrls.size(),
                exactlyOnce ? "every item exactly once" : "NOT exactly once");
        return exactlyOnce;
    }

    private static List<String> csvUrls(MimeMultipart parts) throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i < parts.getCount(); i++) {
            BodyPart file = parts.getBodyPart(i);
            String text = new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text))) {
                urls.add(r.get("url"));
            }
        }
        return urls;
    }

    private int received() {
        return smtp.getReceivedMessages().length + hooks.size();
    }

    /** The platform's side: check the signature, remember the request, answer 200. */
    private void hook(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String sig = String.valueOf(ex.getRequestHeaders().getFirst("X-OpenIRU-Signature"));
        String secret = secrets.getProperty(ex.getRequestURI().getPath(), "");
        boolean signed = sig.matches("t=[0-9]+,v1=[0-9a-f]{64}") && sig.equals(WebhookSignature.header(secret,
                Long.parseLong(sig.substring(2, sig.indexOf(','))), body));
        hooks.add(new Hook(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("X-OpenIRU-Delivery"), body,
                signed));
        lastReceived.set(System.currentTimeMillis());
        ex.sendResponseHeaders(200, -1);
        ex.close();
    }

    /** Starts the application side with this process's class path and the servers' addresses. */
    private Child child(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), ReferralBenchApp.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(
                work.resolve("application.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("OPENIRU_DATA_DIR", work.resolve("data").toString());
        env.put("OPENIRU_WORKER_THREADS", "2");
        env.put("OPENIRU_SMTP_HOST", "127.0.0.1");
        env.put("OPENIRU_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("OPENIRU_SMTP_STARTTLS", "off");
        env.put("OPENIRU_MAIL_FROM", "referrals@bench-unit.example");
        env.put("OPENIRU_OUTBOUND_ALLOW", "127.0.0.0/8");
        env.put("OPENIRU_CONFIG", work.resolve("none.properties").toString());
        return new Child(pb.start());
    }

    /** A running application process and the lines it printed. */
    private static final class Child {
        final Process process;
        final List<String> lines = new ArrayList<>();

        Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        synchronized (lines) {
                            lines.add(l);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String await(String prefix) throws InterruptedException {
            synchronized (lines) {
                while (true) {
                    for (String l : lines) {
                        if (l.startsWith(prefix)) {
                            return l;
                        }
                    }
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The application ended (exit " + process.exitValue()
                                + ") before printing " + prefix + "; see application.log");
                    }
                    lines.wait(100);
                }
            }
        }

        String line(String prefix) throws InterruptedException {
            return await(prefix);
        }

        void waitFor() throws InterruptedException {
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("The application failed (see application.log)");
            }
        }
    }

    private void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (web != null) {
            web.stop(0);
            ((java.util.concurrent.ExecutorService) web.getExecutor()).shutdownNow();
        }
        System.out.println("work directory (application.log, data): " + work);
    }
}
