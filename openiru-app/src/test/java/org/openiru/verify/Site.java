package org.openiru.verify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web site on a loopback address for the check tests: per path a status, an optional Location and a body;
 * unknown paths answer 404. Records the paths asked for.
 */
final class Site implements AutoCloseable {
    private record Answer(int status, String location, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    Site(String address, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getRawPath());
            Answer a = answers.getOrDefault(exchange.getRequestURI().getRawPath(), new Answer(404, null,
                    "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8)));
            if (a.location() != null) {
                exchange.getResponseHeaders().set("Location", a.location());
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a.body());
            } catch (IOException e) {
                // the client stopped reading (a body over its limit)
            }
            exchange.close();
        });
        server.start();
    }

    Site() {
        this("127.0.0.1", 0);
    }

    Site page(String path, String html) {
        answers.put(path, new Answer(200, null, html.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    Site bytes(String path, byte[] body) {
        answers.put(path, new Answer(200, null, body));
        return this;
    }

    Site status(String path, int status) {
        answers.put(path, new Answer(status, null, ("<p>" + status + "</p>").getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    Site redirect(String path, int status, String location) {
        answers.put(path, new Answer(status, location, new byte[0]));
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://<host>:<port><path>} */
    String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
