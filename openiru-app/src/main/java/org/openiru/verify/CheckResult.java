package org.openiru.verify;

import java.util.List;

/**
 * What one check found. {@code outcome}: {@code up} (2xx, no marker), {@code gone} (a marker matched; {@code
 * marker} says which), {@code error} (we could not tell: network failure, timeout, refusal, other status).
 */
public record CheckResult(String outcome, Integer httpStatus, String finalUrl, List<GuardedHttp.Hop> redirects,
                          GoneMarker marker, String error, long durationMs) {
}
