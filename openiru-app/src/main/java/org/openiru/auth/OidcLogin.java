package org.openiru.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.openiru.app.OpenIruConfig;

/**
 * The protocol side of OpenID Connect login: the authorization-code flow with PKCE (S256), state and
 * nonce. The HTTP side is {@link OidcRoutes}.
 */
final class OidcLogin {
    private static final Scope SCOPE = new Scope("openid", "profile", "email");

    /** A login that cannot go on; {@code messageKey} is shown to the user, {@code detail} goes to the log. */
    static final class Failure extends Exception {
        final int status;
        final String messageKey;
        final transient Object[] args;

        Failure(int status, String detail, String messageKey, Object... args) {
            super(detail);
            this.status = status;
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    record Finished(OidcIdentity identity, String returnTo) {
    }

    private final OpenIruConfig.Oidc config;
    private final OidcProvider provider;
    private final OidcRequests requests;

    OidcLogin(OpenIruConfig.Oidc config, OidcProvider provider, OidcRequests requests) {
        this.config = config;
        this.provider = provider;
        this.requests = requests;
    }

    String issuer() {
        return config.issuer().toString();
    }

    /** Remembers a new login attempt and returns where to send the browser. */
    URI start(URI redirectUri, String returnTo) throws Failure {
        OIDCProviderMetadata m = discovered().metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        requests.save(new OidcRequests.Pending(state.getValue(), nonce.getValue(), verifier.getValue(), returnTo));
        return new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, new ClientID(config.clientId()),
                redirectUri)
                .endpointURI(m.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Checks the state, redeems the code and validates the ID token it brings. */
    Finished finish(String state, String code, URI redirectUri) throws Failure {
        OidcRequests.Pending pending = requests.take(state == null ? "" : state).orElseThrow(() ->
                new Failure(400, "unknown, used or expired state", "login.sso_state"));
        if (code == null || code.isBlank()) {
            throw new Failure(400, "callback without a code", "login.sso_failed", "no authorization code");
        }
        OidcProvider.Discovered d = discovered();
        try {
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                    new CodeVerifier(pending.codeVerifier()));
            HTTPRequest http = tokenRequest(d.metadata(), grant).toHTTPRequest();
            http.setConnectTimeout(OidcProvider.TIMEOUT_MS);
            http.setReadTimeout(OidcProvider.TIMEOUT_MS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                String error = String.valueOf(response.toErrorResponse().getErrorObject().getDescription());
                throw new Failure(502, "token endpoint refused the code: " + error, "login.sso_failed", error);
            }
            IDTokenClaimsSet claims = d.validator().validate(
                    ((OIDCTokenResponse) response).getOIDCTokens().getIDToken(), new Nonce(pending.nonce()));
            return new Finished(OidcIdentity.from(claims.toJWTClaimsSet(), config.rolesClaim(), config.unitClaim(),
                    config.defaultUnit()), pending.returnTo());
        } catch (IOException | GeneralException e) {
            provider.forget();
            throw new Failure(502, "token exchange failed: " + e, "login.sso_unreachable");
        } catch (BadJOSEException | JOSEException e) {
            // Perhaps the provider rotated its keys or endpoints: discover afresh on the next attempt.
            provider.forget();
            throw new Failure(400, "ID token rejected: " + e.getMessage(), "login.sso_invalid");
        }
    }

    /** client_secret_basic when we have a secret, unless the provider only takes it in the body. */
    private TokenRequest tokenRequest(OIDCProviderMetadata m, AuthorizationCodeGrant grant) {
        URI endpoint = m.getTokenEndpointURI();
        ClientID id = new ClientID(config.clientId());
        if (config.clientSecret().isEmpty()) {
            return new TokenRequest(endpoint, id, grant);
        }
        Secret secret = new Secret(config.clientSecret());
        List<ClientAuthenticationMethod> methods = m.getTokenEndpointAuthMethods();
        boolean postOnly = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        return new TokenRequest(endpoint, postOnly ? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret),
                grant);
    }

    private OidcProvider.Discovered discovered() throws Failure {
        try {
            return provider.get();
        } catch (IOException | GeneralException e) {
            throw new Failure(502, "discovery of " + config.issuer() + " failed: " + e, "login.sso_unreachable");
        }
    }
}
