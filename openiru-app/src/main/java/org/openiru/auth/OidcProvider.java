package org.openiru.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The identity provider as discovered from its metadata, with the validator for its ID tokens. Discovery
 * is cached because it is a network round trip per login; {@link #forget()} drops the cache after a failure
 * so that rotated endpoints or keys are picked up on the next attempt.
 */
final class OidcProvider {
    static final int TIMEOUT_MS = 10_000;
    /** Only public-key signatures: a shared-secret (HS*) or unsigned token would prove nothing about the issuer. */
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    private final Issuer issuer;
    private final ClientID clientId;
    private volatile Discovered cached;

    OidcProvider(URI issuer, String clientId) {
        this.issuer = new Issuer(issuer);
        this.clientId = new ClientID(clientId);
    }

    Discovered get() throws IOException, GeneralException {
        Discovered d = cached;
        if (d == null) {
            d = discover();
            cached = d;
        }
        return d;
    }

    void forget() {
        cached = null;
    }

    private Discovered discover() throws IOException, GeneralException {
        OIDCProviderMetadata m = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MS, TIMEOUT_MS);
        Set<JWSAlgorithm> algs = new HashSet<>(ACCEPTED);
        List<JWSAlgorithm> advertised = m.getIDTokenJWSAlgs();
        if (advertised != null) {
            algs.retainAll(advertised);
        }
        if (algs.isEmpty()) {
            throw new GeneralException("The provider signs ID tokens only with " + advertised
                    + "; OpenIRU accepts " + ACCEPTED);
        }
        var keys = JWKSourceBuilder.<SecurityContext>create(m.getJWKSetURI().toURL(),
                new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS)).build();
        IDTokenValidator validator = new IDTokenValidator(issuer, clientId,
                new JWSVerificationKeySelector<>(algs, keys), null);
        return new Discovered(m, validator);
    }
}
