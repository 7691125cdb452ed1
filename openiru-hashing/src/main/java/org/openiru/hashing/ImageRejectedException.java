package org.openiru.hashing;

/**
 * An image was refused before decoding because of what its header says, e.g. more pixels than the
 * configured limit (a decompression bomb).
 */
public class ImageRejectedException extends HashingException {

    public ImageRejectedException(String source, String reason) {
        super(source, reason);
    }
}
