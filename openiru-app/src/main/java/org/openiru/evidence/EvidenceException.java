package org.openiru.evidence;

import org.openiru.web.ApiException;

/** A file that cannot become evidence (unsafe name, too large); the message says which and why. */
public final class EvidenceException extends ApiException {
    public EvidenceException(String code, String message) {
        super(422, code, message, "file");
    }
}
