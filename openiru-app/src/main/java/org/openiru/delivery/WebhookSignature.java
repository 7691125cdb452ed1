package org.openiru.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-OpenIRU-Signature} header of a webhook: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over
 * {@code t + "." + body}, keyed with the platform's webhook secret (its UTF-8 bytes). The time inside the signed
 * text lets the receiver refuse old replays; see docs/delivery.md for how a platform checks it.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-OpenIRU-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }

    static String hmacHex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java 17 runtime", e);
        }
    }
}
