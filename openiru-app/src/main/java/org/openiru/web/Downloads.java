package org.openiru.web;

import io.javalin.http.Context;

/** Answers that the browser saves as a file rather than shows. */
public final class Downloads {
    private Downloads() {
    }

    /** Sets the content type and asks the browser to save the answer as {@code fileName} (a name we made). */
    public static void attachment(Context ctx, String contentType, String fileName) {
        ctx.contentType(contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
