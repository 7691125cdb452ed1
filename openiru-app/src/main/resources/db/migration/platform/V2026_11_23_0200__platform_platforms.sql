-- Online service providers and their contact points for referrals and TCO removal orders.
CREATE TABLE platforms (
    id                   bigserial PRIMARY KEY,
    slug                 text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind                 text NOT NULL,
    domains              text[] NOT NULL DEFAULT '{}',
    referral_email       text NOT NULL DEFAULT '',
    webhook_url          text NOT NULL DEFAULT '',
    tco_contact          text NOT NULL DEFAULT '',
    accepted_languages   text[] NOT NULL DEFAULT '{en}',
    legal_representative text NOT NULL DEFAULT '',
    main_establishment   text NOT NULL DEFAULT '' CHECK (main_establishment ~ '^([A-Z]{2})?$'),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX platforms_domains ON platforms USING gin (domains);
