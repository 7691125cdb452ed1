package org.openiru.web;

/**
 * An error the caller can act on. API routes answer {@code {"error":{"code","message","field"}}}; pages
 * show the message. {@code messageKey} (optional) is a message-bundle key for pages in the user's language.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "invalid", message, field);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " was not found", null);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(409, "conflict", message, field);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
