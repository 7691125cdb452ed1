package org.openiru.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.openiru.web.ApiException;

/**
 * Argon2id password hashes (OWASP's minimum: 19 MiB, 2 passes, 1 lane; memory is configurable). The stored
 * string carries its own parameters, so raising them later still verifies older hashes.
 */
public final class PasswordHasher {
    public static final int MIN_LENGTH = 12;
    private final Argon2Function argon2;

    public PasswordHasher(int memoryKib) {
        this.argon2 = Argon2Function.getInstance(memoryKib, 2, 1, 32, Argon2.ID);
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    public boolean matches(String password, String storedHash) {
        if (storedHash == null || !storedHash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    /** Spends the time of one check, so an unknown user name cannot be told apart by response time. */
    void burnTime(String password) {
        Password.hash(password == null ? "" : password).addRandomSalt(16).with(argon2);
    }

    public static void checkStrength(String password) {
        if (password.length() < MIN_LENGTH) {
            throw ApiException.badRequest("password", "Password must be at least " + MIN_LENGTH + " characters");
        }
    }
}
