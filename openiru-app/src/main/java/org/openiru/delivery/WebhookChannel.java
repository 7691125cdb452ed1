package org.openiru.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs a delivery's JSON body to the platform's webhook, signed with the platform's secret. 2xx is success;
 * any other status, a timeout or a connection error is a failure that the worker retries.
 */
final class WebhookChannel implements Channel {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How much of a refusing reply goes to the attempt log. */
    static final int REPLY_SHOWN = 500;
    static final String DELIVERY_HEADER = "X-OpenIRU-Delivery";

    private final Clock clock;
    private final String userAgent;
    /** One client for the process: it keeps connections to each platform open between deliveries. */
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    WebhookChannel(Clock clock, String version) {
        this.clock = clock;
        this.userAgent = "OpenIRU/" + version;
    }

    @Override
    public Batch begin() {
        return new Batch() {
            @Override
            public String send(Deliveries.Claimed d) throws Failure {
                return post(d);
            }

            @Override
            public void close() {
                // the client and its connections outlive the batch
            }
        };
    }

    private String post(Deliveries.Claimed d) throws Failure {
        if (d.webhookSecret() == null || d.webhookSecret().isEmpty()) {
            throw new Failure("The platform has no webhook secret to sign with: an administrator generates one "
                    + "on the platform's page (or POST /api/v1/platforms/" + d.platformId() + "/webhook-secret)");
        }
        HttpResponse<String> reply;
        try {
            reply = client.send(request(d), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Failure("No answer within " + TIMEOUT.toSeconds() + " s from " + d.recipient(), e);
        } catch (IOException e) {
            throw new Failure("Cannot reach " + d.recipient() + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new Failure("Not a usable webhook URL: " + d.recipient() + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Interrupted while sending (the process is stopping)", e);
        }
        int status = reply.statusCode();
        if (status / 100 == 2) {
            return "HTTP " + status;
        }
        String body = reply.body() == null ? "" : reply.body();
        throw new Failure("HTTP " + status + (body.isEmpty() ? "" : ": " + (body.length() > REPLY_SHOWN
                ? body.substring(0, REPLY_SHOWN) + "…" : body)));
    }

    /** The one place a webhook request is made (outgoing requests are checked here too, see docs/delivery.md). */
    private HttpRequest request(Deliveries.Claimed d) {
        String body = d.json() == null ? "{}" : d.json();
        return HttpRequest.newBuilder(URI.create(d.recipient())).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .header(DELIVERY_HEADER, d.key())
                .header(WebhookSignature.HEADER, WebhookSignature.header(d.webhookSecret(),
                        clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
