-- The files an item carries. Versioned after the evidence migration because it refers to blobs.
-- A file the source referenced but did not include is kept as a row with missing = true and no blob.
CREATE TABLE item_blobs (
    item_id       bigint NOT NULL REFERENCES items (id),
    role          text NOT NULL CHECK (role IN ('photo', 'file', 'thumbnail', 'video')),
    original_name text NOT NULL DEFAULT '',
    blob_sha256   text REFERENCES blobs (sha256),
    missing       boolean NOT NULL,
    CHECK (missing = (blob_sha256 IS NULL)),
    PRIMARY KEY (item_id, role, original_name)
);
CREATE INDEX item_blobs_blob ON item_blobs (blob_sha256);
