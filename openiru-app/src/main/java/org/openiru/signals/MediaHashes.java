package org.openiru.signals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openiru.hashing.banks.SignalType;

/** The signals of one image: the shape of {@code openiru hash --json} and of {@code /api/v1/hash}. */
public record MediaHashes(String file, String type, String pdq, int quality, String md5, String sha256) {
    /** The signals to match, by type. */
    public Map<SignalType, String> signals() {
        Map<SignalType, String> m = new LinkedHashMap<>();
        m.put(SignalType.PDQ, pdq);
        m.put(SignalType.MD5, md5);
        m.put(SignalType.SHA256, sha256);
        return m;
    }
}
