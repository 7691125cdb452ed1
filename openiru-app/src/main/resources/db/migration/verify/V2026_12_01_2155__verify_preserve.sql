-- Preservation (docs/preservation.md, TCO Art. 6): legal holds that keep removed content past the
-- preservation period, and the record of each purge.

-- A legal hold on a case (every item of it) or on one item. ends_at null: until lifted.
CREATE TABLE preserve_holds (
    id          bigserial PRIMARY KEY,
    case_id     bigint REFERENCES review_cases (id),
    item_id     bigint REFERENCES items (id),
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    ends_at     timestamptz,
    unit_id     bigint NOT NULL REFERENCES units (id),
    placed_by   bigint NOT NULL REFERENCES users (id),
    placed_at   timestamptz NOT NULL,
    lifted_by   bigint REFERENCES users (id),
    lifted_at   timestamptz,
    lift_reason text NOT NULL DEFAULT '',
    CHECK ((case_id IS NULL) <> (item_id IS NULL))
);
CREATE INDEX preserve_holds_case ON preserve_holds (case_id) WHERE lifted_at IS NULL;
CREATE INDEX preserve_holds_item ON preserve_holds (item_id) WHERE lifted_at IS NULL;

-- One row per item whose content was purged: when, from which removal, and what went.
CREATE TABLE preserve_purges (
    item_id    bigint PRIMARY KEY REFERENCES items (id),
    removed_at timestamptz NOT NULL,
    purged_at  timestamptz NOT NULL,
    versions   integer NOT NULL,
    outlinks   integer NOT NULL,
    blobs      text[] NOT NULL DEFAULT '{}'
);
