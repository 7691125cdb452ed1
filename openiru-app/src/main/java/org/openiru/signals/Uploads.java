package org.openiru.signals;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openiru.hashing.HashingException;
import org.openiru.hashing.ImageRejectedException;
import org.openiru.web.ApiException;

/** Reading one uploaded file from a multipart request, and hashing it with errors a caller can act on. */
final class Uploads {
    private Uploads() {
    }

    /** An uploaded file, read into memory (requests are capped at 64 MB by the web server). */
    record Upload(String field, String name, String contentType, byte[] bytes) {
    }

    /** The file in the first of {@code fields} that has one, or null when none has. */
    static Upload find(Context ctx, String... fields) {
        if (ctx.contentType() == null || !ctx.contentType().startsWith("multipart/form-data")) {
            return null;
        }
        for (String field : fields) {
            UploadedFile f = ctx.uploadedFile(field);
            if (f != null) {
                try (InputStream in = f.content()) {
                    return new Upload(field, f.filename(), f.contentType(), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    static Upload require(Context ctx, String... fields) {
        Upload u = find(ctx, fields);
        if (u == null) {
            throw ApiException.badRequest(fields[0], "Send the file as multipart/form-data in the field "
                    + String.join(" or ", fields));
        }
        return u;
    }

    /** Hashes an upload; a file that is not a usable image is the caller's error, named. */
    static MediaHashes hash(MediaHasher hasher, Upload u) {
        try {
            return hasher.hash(u.bytes(), u.name() == null || u.name().isBlank() ? u.field() : u.name());
        } catch (ImageRejectedException e) {
            throw new ApiException(413, "image_rejected", e.getMessage(), u.field());
        } catch (HashingException e) {
            throw new ApiException(400, "bad_media", e.getMessage(), u.field());
        }
    }
}
