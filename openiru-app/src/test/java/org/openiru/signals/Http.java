package org.openiru.signals;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.openiru.testing.TestApp;

/** Bearer-token calls and multipart uploads against a running {@link TestApp}, as curl would make them. */
final class Http {
    private static final String BOUNDARY = "----openiru-test-boundary";
    private final TestApp t;
    private final String token;
    private final HttpClient client = TestApp.browserlessClient();

    Http(TestApp t, String token) {
        this.t = t;
        this.token = token;
    }


    HttpResponse<String> get(String path) throws Exception {
        return t.get(client, path, "Authorization", "Bearer " + token);
    }

    HttpResponse<String> json(String method, String path, String body) throws Exception {
        return t.send(client, method, path, body, "application/json", "Authorization", "Bearer " + token);
    }

    /** {@code curl -F field=@name} with the given bytes. */
    HttpResponse<String> upload(String path, String field, String filename, byte[] content) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(t.url(path)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }
}
