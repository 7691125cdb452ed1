package org.openiru.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small web site on the loopback interface for connector tests: fixed responses by path and query, and a
 * log of the requests (path with query, User-Agent). Unknown paths answer 404.
 */
public final class StaticSite implements AutoCloseable {
    public record Page(String contentType, byte[] body) {
    }

    public record Request(String pathAndQuery, String userAgent) {
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public StaticSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String key = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            requests.add(new Request(key, exchange.getRequestHeaders().getFirst("User-Agent")));
            Page page = pages.get(key);
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", page.contentType());
                exchange.sendResponseHeaders(200, page.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page.body());
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** Serves {@code body} at {@code pathAndQuery} (e.g. {@code /s/name?before=10}). */
    public StaticSite serve(String pathAndQuery, String contentType, byte[] body) {
        pages.put(pathAndQuery, new Page(contentType, body));
        return this;
    }

    /** Stops serving {@code pathAndQuery}: it answers 404 from now on, as removed content does. */
    public StaticSite remove(String pathAndQuery) {
        pages.remove(pathAndQuery);
        return this;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
