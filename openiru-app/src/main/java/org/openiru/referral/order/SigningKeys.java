package org.openiru.referral.order;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;

/**
 * Each unit's Ed25519 key pair (from the JDK), made the first time the unit signs an order. The private key is
 * kept in the database (table {@code referral_order_keys}): every process of a deployment then signs with the
 * same key, and it survives restarts, moves to another host and restores from the database backup.
 */
public final class SigningKeys {
    public static final String ALGORITHM = "Ed25519";
    private final Jdbi jdbi;
    private final AuditLog audit;

    public SigningKeys(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** A unit's public key as published: its id (the first 16 hex digits of the SHA-256 of the key). */
    public record PublicKeyInfo(String keyId, String algorithm, String publicKey, String pem, Instant createdAt) {
    }

    /** A signature over some bytes, in base64, and the id of the key that made it. */
    public record Signed(String keyId, String signature) {
    }

    /** The id of the unit's key, making the key first when the unit has none (in the caller's transaction). */
    String keyId(Handle h, Actor who, long unitId, Instant now) {
        return stored(h, unitId).orElseGet(() -> make(h, who, unitId, now)).keyId;
    }

    /** Signs with the unit's key (made by {@link #keyId} or before). */
    Signed sign(Handle h, long unitId, byte[] data) {
        Stored key = stored(h, unitId).orElseThrow(() -> new IllegalStateException("Unit " + unitId + " has no key"));
        try {
            PrivateKey priv = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(key.privateKey));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(priv);
            s.update(data);
            return new Signed(key.keyId, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed for unit " + unitId, e);
        }
    }

    public Optional<PublicKeyInfo> publicKey(long unitId) {
        return jdbi.withHandle(h -> stored(h, unitId)).map(k -> new PublicKeyInfo(k.keyId, ALGORITHM,
                Base64.getEncoder().encodeToString(k.publicKey), pem(k.publicKey), k.createdAt));
    }

    /**
     * Checks a signature against a public key given as PEM or as base64 of its X.509 (SubjectPublicKeyInfo)
     * encoding. False for a wrong signature; an error naming the part that cannot be read.
     */
    public static boolean verify(byte[] data, String signatureBase64, String publicKeyText) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signatureBase64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The signature is not base64: " + e.getMessage());
        }
        PublicKey pub;
        try {
            String b64 = publicKeyText.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            pub = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(b64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The public key is not an Ed25519 key in PEM or base64: "
                    + e.getMessage());
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(pub);
            s.update(data);
            return s.verify(sig);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    private record Stored(String keyId, byte[] publicKey, byte[] privateKey, Instant createdAt) {
    }

    private static Optional<Stored> stored(Handle h, long unitId) {
        return h.createQuery("SELECT key_id, public_key, private_key, created_at FROM referral_order_keys "
                        + "WHERE unit_id = ?").bind(0, unitId)
                .map((rs, c) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getBytes(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant())).findOne();
    }

    /** Makes the unit's key; two first signatures at once both insert, and the loser reads the winner's key. */
    private Stored make(Handle h, Actor who, long unitId, Instant now) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
        byte[] pub = pair.getPublic().getEncoded();
        String keyId = keyId(pub);
        int n = h.createUpdate("""
                        INSERT INTO referral_order_keys (unit_id, key_id, public_key, private_key, created_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (unit_id) DO NOTHING""")
                .bind(0, unitId).bind(1, keyId).bind(2, pub).bind(3, pair.getPrivate().getEncoded()).bind(4, now)
                .execute();
        if (n == 1) {
            audit.record(h, who, "order.signing_key_created", "unit", unitId, java.util.Map.of("keyId", keyId));
        }
        return stored(h, unitId).orElseThrow();
    }

    static String keyId(byte[] publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String pem(byte[] publicKey) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey)
                + "\n-----END PUBLIC KEY-----\n";
    }
}
