CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    unit_id       bigint NOT NULL REFERENCES units (id),
    username      text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{1,100}$'),
    display_name  text NOT NULL DEFAULT '',
    email         text NOT NULL DEFAULT '',
    password_hash text,
    roles         text[] NOT NULL CHECK (cardinality(roles) > 0),
    platform_id   bigint REFERENCES platforms (id),
    language      text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ar')),
    active        boolean NOT NULL DEFAULT true,
    oidc_issuer   text,
    oidc_subject  text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    -- A platform user answers for exactly one platform and has no other role.
    CONSTRAINT platform_user_bound CHECK (
        ('platform' = ANY (roles)) = (platform_id IS NOT NULL)
        AND (NOT 'platform' = ANY (roles) OR cardinality(roles) = 1)),
    UNIQUE (oidc_issuer, oidc_subject)
);

-- Browser sessions: the cookie holds a random secret, the table only its SHA-256.
CREATE TABLE auth_sessions (
    secret_hash  bytea PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    ip           text NOT NULL DEFAULT '',
    user_agent   text NOT NULL DEFAULT ''
);
CREATE INDEX auth_sessions_user ON auth_sessions (user_id);

-- Tokens for machine clients; shown once, stored as SHA-256.
CREATE TABLE api_tokens (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text NOT NULL,
    prefix       text NOT NULL,
    secret_hash  bytea NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);

-- Failed logins, counted per user name and per address to slow down guessing.
CREATE TABLE login_failures (
    id        bigserial PRIMARY KEY,
    username  text NOT NULL,
    ip        text NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username ON login_failures (username, failed_at);
CREATE INDEX login_failures_ip ON login_failures (ip, failed_at);

-- OpenID Connect requests in flight (state, nonce, PKCE verifier), kept for minutes.
CREATE TABLE oidc_requests (
    state         text PRIMARY KEY,
    nonce         text NOT NULL,
    code_verifier text NOT NULL,
    return_to     text NOT NULL DEFAULT '/',
    created_at    timestamptz NOT NULL DEFAULT now()
);
