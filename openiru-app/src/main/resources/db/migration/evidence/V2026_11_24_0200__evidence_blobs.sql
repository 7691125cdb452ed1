-- Stored files, named by their SHA-256 (lower-case hex). The bytes live under <data dir>/blobs/aa/bb/<sha256>
-- and are never rewritten; this table says what they are.
CREATE TABLE blobs (
    sha256        text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    md5           text NOT NULL CHECK (md5 ~ '^[0-9a-f]{32}$'),
    size          bigint NOT NULL CHECK (size >= 0),
    -- sniffed from the first bytes, never taken from the file name
    media_type    text NOT NULL,
    original_name text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now()
);
