package org.openiru.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Outgoing HTTP through the {@link OutboundGuard}: every hop (the first request and each redirect, which this
 * class follows itself) is vetted, and the connection goes to the addresses the guard checked — the client's
 * DNS resolver answers from them and never looks the host up again. TLS still verifies the certificate
 * against the host name. At most {@code maxBodyBytes} of a body are read, within an overall deadline.
 */
public final class GuardedHttp {
    /** One response on the way: a redirect's {@code location} is where it pointed (null for the last hop). */
    public record Hop(String url, int status, String location) {
    }

    /** The last response, after redirects. {@code body} holds at most the limit; {@code truncated} if more came. */
    public record Response(List<Hop> hops, int status, String finalUrl, byte[] body, Charset charset,
                           boolean truncated) {
        public String text() {
            return new String(body, charset);
        }
    }

    /** A request that did not get a final response; {@code hops} says how far it got. */
    public static final class Failed extends IOException {
        private final transient List<Hop> hops;

        Failed(String message, List<Hop> hops, Throwable cause) {
            super(message, cause);
            this.hops = List.copyOf(hops);
        }

        public List<Hop> hops() {
            return hops;
        }
    }

    /** How long to wait and how much to read. */
    public record Limits(Duration connectTimeout, Duration readTimeout, Duration deadline, int maxBodyBytes,
                         int maxRedirects) {
        public static final Limits CHECKS = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(45), 256 * 1024, 5);
    }

    /** The platform's TLS setup, made once: it reads the JDK's trust store. */
    private static final TlsSocketStrategy TLS = DefaultClientTlsStrategy.createSystemDefault();
    private final OutboundGuard guard;
    private final String userAgent;

    public GuardedHttp(OutboundGuard guard, String userAgent) {
        this.guard = guard;
        this.userAgent = userAgent;
    }

    /**
     * Sends one request and follows up to {@code limits.maxRedirects()} redirects (as GET, without the body).
     *
     * @param stopAt   looked at for each redirect target; returning true ends the exchange at that redirect
     *                 (a check that recognises a "content removed" address needs to go no further)
     * @throws OutboundRefused when a hop may not be reached
     * @throws Failed          on a network failure, a timeout, a bad redirect or too many of them
     */
    public Response exchange(String method, String url, byte[] body, String contentType, Map<String, String> headers,
                             Limits limits, Predicate<String> stopAt) throws Failed {
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        // Each exchange has its own client, whose resolver answers only for the hosts vetted in this exchange.
        Map<String, InetAddress[]> vetted = new ConcurrentHashMap<>();
        List<Hop> hops = new ArrayList<>();
        try (CloseableHttpClient client = client(vetted, limits)) {
            URI uri = parse(url, hops);
            String currentMethod = method;
            byte[] currentBody = body;
            for (int hop = 0; ; hop++) {
                if (System.nanoTime() > deadline) {
                    throw new Failed("timed out: no answer within " + limits.deadline().toSeconds() + " s", hops,
                            null);
                }
                OutboundGuard.Vetted v = vet(uri, hops);
                vetted.put(v.host(), v.addresses().toArray(InetAddress[]::new));
                HttpUriRequestBase request = new HttpUriRequestBase(currentMethod, uri);
                headers.forEach(request::setHeader);
                if (currentBody != null) {
                    request.setEntity(new ByteArrayEntity(currentBody, ContentType.parse(contentType)));
                }
                try (CloseableHttpResponse response = client.execute(request)) {
                    int status = response.getCode();
                    Header location = response.getFirstHeader("Location");
                    if (status >= 300 && status < 400 && status != 304 && location != null) {
                        URI next = resolve(uri, location.getValue(), hops);
                        hops.add(new Hop(uri.toString(), status, next.toString()));
                        request.cancel();
                        if (stopAt.test(next.toString())) {
                            return new Response(hops, status, next.toString(), new byte[0], StandardCharsets.UTF_8,
                                    false);
                        }
                        if (hop >= limits.maxRedirects()) {
                            throw new Failed("more than " + limits.maxRedirects() + " redirects", hops, null);
                        }
                        uri = next;
                        if (status != 307 && status != 308) {
                            currentMethod = "GET";
                            currentBody = null;
                        }
                        continue;
                    }
                    hops.add(new Hop(uri.toString(), status, null));
                    return read(response, request, uri, status, hops, limits, deadline);
                }
            }
        } catch (Failed | OutboundRefused e) {
            throw e;
        } catch (InterruptedIOException e) {
            throw new Failed("timed out: " + describe(e), hops, e);
        } catch (IOException e) {
            throw new Failed(describe(e), hops, e);
        }
    }

    private Response read(CloseableHttpResponse response, HttpUriRequestBase request, URI uri, int status,
                          List<Hop> hops, Limits limits, long deadline) throws IOException {
        HttpEntity entity = response.getEntity();
        Charset charset = StandardCharsets.UTF_8;
        if (entity == null) {
            return new Response(hops, status, uri.toString(), new byte[0], charset, false);
        }
        try {
            ContentType type = ContentType.parseLenient(entity.getContentType());
            if (type != null && type.getCharset() != null) {
                charset = type.getCharset();
            }
        } catch (RuntimeException ignored) {
            // an unknown charset: read the body as UTF-8
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean truncated = false;
        try (InputStream in = entity.getContent()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                int room = limits.maxBodyBytes() - out.size();
                out.write(buf, 0, Math.min(n, room));
                if (n > room) {
                    truncated = true;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new Failed("timed out: the response took longer than " + limits.deadline().toSeconds()
                            + " s", hops, null);
                }
            }
        } finally {
            // Leave the rest unread: closing normally would drain a huge body to reuse the connection.
            request.cancel();
        }
        return new Response(hops, status, uri.toString(), out.toByteArray(), charset, truncated);
    }

    private CloseableHttpClient client(Map<String, InetAddress[]> vetted, Limits limits) {
        DnsResolver onlyVetted = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                String key = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
                InetAddress[] a = vetted.get(key.toLowerCase(Locale.ROOT));
                if (a == null) {
                    throw new UnknownHostException(host + " was not checked by the outbound guard");
                }
                return a.clone();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        Timeout connect = Timeout.of(limits.connectTimeout());
        Timeout read = Timeout.of(limits.readTimeout());
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(onlyVetted)
                        .setTlsSocketStrategy(TLS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries()
                .disableAuthCaching()
                .setUserAgent(userAgent)
                .build();
    }

    private OutboundGuard.Vetted vet(URI uri, List<Hop> hops) throws Failed {
        try {
            return guard.vet(uri);
        } catch (UnknownHostException e) {
            throw new Failed("unknown host: " + OutboundGuard.hostOf(uri), hops, e);
        }
    }

    private static URI parse(String url, List<Hop> hops) throws Failed {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null && uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new Failed("not a valid URL: " + url, hops, null);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Failed("not a valid URL: " + e.getMessage(), hops, e);
        }
    }

    private static URI resolve(URI base, String location, List<Hop> hops) throws Failed {
        try {
            return base.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new Failed("the redirect points to an invalid address: " + location, hops, e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
