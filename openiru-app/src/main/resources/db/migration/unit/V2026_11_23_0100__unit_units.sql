-- Referral units (agencies). Users belong to one unit; several units share a deployment.
CREATE TABLE units (
    id            bigserial PRIMARY KEY,
    slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    country       text NOT NULL DEFAULT '' CHECK (country ~ '^([A-Z]{2})?$'),
    contact_email text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
