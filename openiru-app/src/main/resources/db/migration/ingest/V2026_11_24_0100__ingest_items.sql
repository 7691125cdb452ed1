-- What was collected (items), from where (sources), by whom (actors), with the links it carries (outlinks).
-- Items are keyed by canonical URL; a changed text at the same URL becomes a new version, the same text
-- again changes nothing (see docs/ingest.md).
--
-- The bulk tables (items, item_versions, outlinks) carry no foreign keys: they are written only by
-- ItemBatchWriter, which takes every id from rows it wrote or read in the same transaction, and the per-row
-- checks cost about a quarter of the database time of an import (docs/benchmarks.md, "Ingest (issue 3)").

CREATE TABLE sources (
    id              bigserial PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('telegram_export', 'tme', 'warc', 'urls', 'jsonl', 'api')),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    location        text NOT NULL DEFAULT '',
    status          text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'failed')),
    created_by      text NOT NULL,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    new_count       bigint NOT NULL DEFAULT 0,
    updated_count   bigint NOT NULL DEFAULT 0,
    duplicate_count bigint NOT NULL DEFAULT 0,
    failed_count    bigint NOT NULL DEFAULT 0,
    skipped_count   bigint NOT NULL DEFAULT 0,
    -- [{"file","position","message"}], the first ones only (error_count has them all)
    errors          jsonb NOT NULL DEFAULT '[]',
    error_count     bigint NOT NULL DEFAULT 0
);

CREATE TABLE actors (
    id           bigserial PRIMARY KEY,
    platform_id  bigint REFERENCES platforms (id),
    -- the platform's own id of the account, e.g. Telegram's "channel1234567890" or "user42"
    external_id  text NOT NULL,
    handle       text,
    display_name text NOT NULL DEFAULT '',
    kind         text NOT NULL CHECK (kind IN ('channel', 'group', 'user', 'site', 'unknown')),
    created_at   timestamptz NOT NULL DEFAULT now()
);
-- one actor per platform and external id; an expression (not NULLS NOT DISTINCT) so that imports can join
-- on it with an index when the platform is unknown
CREATE UNIQUE INDEX actors_key ON actors (COALESCE(platform_id, 0), external_id);

CREATE TABLE items (
    id                      bigserial PRIMARY KEY,
    platform_id             bigint,
    canonical_url           text NOT NULL UNIQUE,
    -- where the item sits on its platform: e.g. the chat's id and the message id within it
    external_container      text,
    external_id             text,
    actor_id                bigint,
    forwarded_from_actor_id bigint,
    reply_to                text,
    posted_at               timestamptz,
    collected_at            timestamptz NOT NULL DEFAULT now(),
    current_version         integer NOT NULL DEFAULT 1,
    language                text,
    normalised_text         text
);
CREATE INDEX items_actor ON items (actor_id, posted_at);
CREATE INDEX items_posted ON items (posted_at);

CREATE TABLE item_versions (
    item_id      bigint NOT NULL,
    version      integer NOT NULL CHECK (version >= 1),
    text         text NOT NULL,
    text_sha256  bytea NOT NULL CHECK (length(text_sha256) = 32),
    edited_at    timestamptz,
    raw          jsonb NOT NULL,
    source_id    bigint NOT NULL,
    collected_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, version)
);
CREATE INDEX item_versions_source ON item_versions (source_id);

CREATE TABLE outlinks (
    item_id bigint NOT NULL,
    url     text NOT NULL,
    host    text NOT NULL,
    PRIMARY KEY (item_id, url)
);
CREATE INDEX outlinks_host ON outlinks (host);
