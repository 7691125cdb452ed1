package org.openiru.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.openiru.verify.GuardedHttp;
import org.openiru.verify.OutboundRefused;

/**
 * POSTs a delivery's JSON body to the platform's webhook, signed with the platform's secret. 2xx is success;
 * any other status (redirects are not followed), a timeout or a connection error is a failure that the worker
 * retries. Requests go through the outbound guard: a webhook URL is typed by an administrator, and must not
 * reach the unit's internal network unless {@code OPENIRU_OUTBOUND_ALLOW} says so.
 */
final class WebhookChannel implements Channel {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How much of a refusing reply goes to the attempt log. */
    static final int REPLY_SHOWN = 500;
    static final String DELIVERY_HEADER = "X-OpenIRU-Delivery";
    private static final GuardedHttp.Limits LIMITS = new GuardedHttp.Limits(TIMEOUT, TIMEOUT, TIMEOUT, 4096, 0);

    private final Clock clock;
    private final GuardedHttp http;

    WebhookChannel(Clock clock, GuardedHttp http) {
        this.clock = clock;
        this.http = http;
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
                // each exchange closes its own connection
            }
        };
    }

    private String post(Deliveries.Claimed d) throws Failure {
        if (d.webhookSecret() == null || d.webhookSecret().isEmpty()) {
            throw new Failure("The platform has no webhook secret to sign with: an administrator generates one "
                    + "on the platform's page (or POST /api/v1/platforms/" + d.platformId() + "/webhook-secret)");
        }
        String body = d.json() == null ? "{}" : d.json();
        Map<String, String> headers = Map.of(DELIVERY_HEADER, d.key(), WebhookSignature.HEADER,
                WebhookSignature.header(d.webhookSecret(), clock.instant().getEpochSecond(), body));
        GuardedHttp.Response reply;
        try {
            reply = http.exchange("POST", d.recipient(), body.getBytes(StandardCharsets.UTF_8), "application/json",
                    headers, LIMITS, location -> true);
        } catch (OutboundRefused e) {
            throw new Failure("Not sent to " + d.recipient() + ": " + e.getMessage(), e);
        } catch (GuardedHttp.Failed e) {
            throw new Failure("Cannot reach " + d.recipient() + ": " + e.getMessage(), e);
        }
        int status = reply.status();
        if (status / 100 == 2) {
            return "HTTP " + status;
        }
        String text = reply.text();
        throw new Failure("HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > REPLY_SHOWN
                ? text.substring(0, REPLY_SHOWN) + "…" : text)));
    }
}
