package org.openiru.evidence;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;
import org.openiru.auth.Role;
import org.openiru.web.ApiException;
import org.openiru.web.Routes;

/**
 * Serves stored evidence files to the unit's staff. Only a few image and video types are served for
 * display; everything else downloads as bytes. Every answer is sandboxed, so a hostile file (an SVG or HTML
 * disguised as an image) can never run in the application's origin.
 */
public final class EvidenceRoutes {
    private static final Set<String> SHOWN = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "video/mp4", "video/webm");
    private final BlobStore blobs;

    public EvidenceRoutes(BlobStore blobs) {
        this.blobs = blobs;
    }

    public void register(Routes r) {
        r.tag("evidence").get("/evidence/{sha256}", "A stored file (images and videos inline, anything else as a "
                + "download)", ctx -> {
            String sha = ctx.pathParam("sha256");
            if (!sha.matches("[0-9a-f]{64}")) {
                throw ApiException.badRequest("sha256", "Not a SHA-256 in lower-case hex: " + sha);
            }
            Blob blob = blobs.find(sha).orElseThrow(() -> ApiException.notFound("Evidence file " + sha));
            if (!Files.exists(blobs.path(sha))) {
                throw new ApiException(410, "purged", "Evidence file " + sha + " was deleted at the end of its "
                        + "preservation period", null);
            }
            boolean shown = SHOWN.contains(blob.mediaType());
            ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'");
            ctx.header("Cache-Control", "private, max-age=86400, immutable");
            ctx.header("Content-Disposition", (shown ? "inline" : "attachment") + "; filename=\"" + sha + "\"");
            ctx.contentType(shown ? blob.mediaType() : "application/octet-stream");
            InputStream in = Files.newInputStream(blobs.path(sha));
            ctx.result(in);
        }, Role.ADMIN, Role.SUPERVISOR, Role.ANALYST, Role.TRIAGE, Role.AUDITOR);
    }
}
