-- Hash banks (lists of known signals with labels and provenance), their entries and the units' opinions.

-- HMA groups the signals of one piece of banked content under one "bank content id"; lookups answer it.
CREATE SEQUENCE bank_content_ids;

CREATE TABLE banks (
    id            bigserial PRIMARY KEY,
    -- HMA's naming rule (UPPER_WITH_UNDERSCORES), so that HMA tools can address every bank by name.
    name          text NOT NULL UNIQUE CHECK (name ~ '^[A-Z_][A-Z0-9_]{0,99}$'),
    description   text NOT NULL DEFAULT '',
    -- A match in a negative bank (news logos, counter-speech) cancels the positive matches.
    kind          text NOT NULL CHECK (kind IN ('known', 'negative')),
    -- Largest PDQ Hamming distance that still counts as a match for this bank.
    pdq_threshold integer NOT NULL DEFAULT 31 CHECK (pdq_threshold BETWEEN 0 AND 63),
    enabled       boolean NOT NULL DEFAULT true,
    provenance    text NOT NULL CHECK (provenance IN ('local', 'imported', 'unit')),
    -- The imported file's name or the unit the list came from; empty for local banks.
    source        text NOT NULL DEFAULT '',
    owner_unit_id bigint REFERENCES units (id),
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bank_entries (
    id            bigserial PRIMARY KEY,
    bank_id       bigint NOT NULL REFERENCES banks (id) ON DELETE CASCADE,
    content_id    bigint NOT NULL DEFAULT nextval('bank_content_ids'),
    signal_type   text NOT NULL CHECK (signal_type IN ('pdq', 'md5', 'sha256', 'video_md5')),
    value         text NOT NULL CHECK (value ~ '^[0-9a-f]+$'),
    entity        text NOT NULL DEFAULT '',
    tags          text[] NOT NULL DEFAULT '{}',
    note          text NOT NULL DEFAULT '',
    added_by      text NOT NULL,
    added_at      timestamptz NOT NULL DEFAULT now(),
    -- The entry stops matching at this time; null: no expiry.
    enabled_until timestamptz,
    -- Importing the same signal into a bank twice makes one entry.
    UNIQUE (bank_id, signal_type, value)
);
CREATE INDEX bank_entries_prefix ON bank_entries (bank_id, value text_pattern_ops);
CREATE INDEX bank_entries_tags ON bank_entries USING gin (tags);
CREATE INDEX bank_entries_content ON bank_entries (content_id);

CREATE TABLE bank_opinions (
    entry_id   bigint NOT NULL REFERENCES bank_entries (id) ON DELETE CASCADE,
    unit_id    bigint NOT NULL REFERENCES units (id),
    opinion    text NOT NULL CHECK (opinion IN ('confirmed', 'false_positive')),
    by_name    text NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entry_id, unit_id)
);

-- Signals computed from stored content (blobs, named by their SHA-256), matched against the banks.
CREATE TABLE content_signals (
    content_ref text NOT NULL CHECK (content_ref ~ '^[0-9a-f]{64}$'),
    signal_type text NOT NULL,
    value       text NOT NULL,
    quality     integer,
    computed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (content_ref, signal_type)
);
CREATE INDEX content_signals_value ON content_signals (signal_type, value);

-- One bank match of one piece of content, with what an analyst needs to read it.
CREATE TABLE hits (
    id                    bigserial PRIMARY KEY,
    content_ref           text NOT NULL,
    bank_id               bigint NOT NULL REFERENCES banks (id) ON DELETE CASCADE,
    entry_id              bigint NOT NULL REFERENCES bank_entries (id) ON DELETE CASCADE,
    signal_type           text NOT NULL,
    distance              integer NOT NULL,
    entity                text NOT NULL DEFAULT '',
    tags                  text[] NOT NULL DEFAULT '{}',
    cancelled_by_negative boolean NOT NULL DEFAULT false,
    cancel_reason         text NOT NULL DEFAULT '',
    created_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (content_ref, entry_id)
);

-- Progress of matching existing content against entries newly added to a bank.
CREATE TABLE retrohunts (
    id            bigserial PRIMARY KEY,
    bank_id       bigint NOT NULL REFERENCES banks (id) ON DELETE CASCADE,
    first_entry   bigint NOT NULL,
    last_entry    bigint NOT NULL,
    state         text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
    total         bigint NOT NULL DEFAULT 0,
    scanned       bigint NOT NULL DEFAULT 0,
    hits          bigint NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz
);
CREATE INDEX retrohunts_bank ON retrohunts (bank_id, id DESC);
