package org.openiru.ingest.warc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** Hand-made WARC records for the bad-input tests (synthetic content only). */
final class WarcFixture {
    private WarcFixture() {
    }

    /** A response record for an HTML page, uncompressed. */
    static byte[] page(String uri, String html) {
        return response(uri, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] response(String uri, String contentType, byte[] body) {
        byte[] http = concat(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body);
        return concat(header(uri, http.length).getBytes(StandardCharsets.ISO_8859_1), http,
                "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** WARC headers of a response record whose block is {@code length} bytes. */
    static String header(String uri, long length) {
        return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: 2019-11-21T10:00:00Z\r\n"
                + "WARC-Record-ID: <urn:uuid:" + UUID.randomUUID() + ">\r\n"
                + "Content-Type: application/http;msgtype=response\r\nContent-Length: " + length + "\r\n\r\n";
    }

    /** One gzip member, as WARC writers compress each record on its own. */
    static byte[] gzip(byte[] record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A gzip member that inflates to a record of {@code size} bytes of zeros (an HTML page as far as its headers
     * go), written as it is compressed: the test never holds the inflated bytes. {@code honest} false makes the
     * header declare a few bytes only, so that the zeros follow where the next record should start.
     */
    static byte[] bomb(String uri, long size, boolean honest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            byte[] http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            gz.write(header(uri, http.length + (honest ? size : 0)).getBytes(StandardCharsets.ISO_8859_1));
            gz.write(http);
            if (!honest) {
                gz.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            byte[] zeros = new byte[1 << 20];
            for (long left = size; left > 0; left -= zeros.length) {
                gz.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            gz.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
