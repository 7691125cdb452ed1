-- Reappearance (docs/reappearance.md): what this service learnt about removed content, and each time a new
-- item carried it again. "Removed" is what the contract view referral_item_removals says.

-- The queue of reappeared content: open to every unit (the case's unit is the removed case's unit), and its
-- cases get the highest priority.
INSERT INTO review_queues (name, description)
VALUES ('reappeared', 'Content of removed cases seen again: top priority');

-- An actor handle as compared: lower case, without a leading @.
CREATE FUNCTION reappear_handle(h text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(ltrim(h, '@'));
-- The handle without a short trailing run (1 to 4) of digits, underscores, dots or hyphens: "amaq_news_2"
-- and "amaq_news" share the base "amaq_news". Only bases of 5 or more characters with a letter are compared
-- (docs/reappearance.md, "Actor handles"), so that "ab1" and "ab2" are not taken for one account.
CREATE FUNCTION reappear_handle_base(h text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(lower(ltrim(h, '@')), '[-_.0-9]{1,4}$', '');

-- One item of a removed case, as learnt from referral_item_removals, with what matching needs of it after
-- its content is purged: the text's SimHash and the actor's handle. prepared_at: its text print and its
-- PDQ entries in the REMOVED_CONTENT bank are done.
CREATE TABLE reappear_removed (
    case_id      bigint NOT NULL REFERENCES review_cases (id),
    item_id      bigint NOT NULL REFERENCES items (id),
    platform_id  bigint NOT NULL REFERENCES platforms (id),
    unit_id      bigint NOT NULL REFERENCES units (id),
    removed_at   timestamptz NOT NULL,
    known_at     timestamptz NOT NULL,
    entity       text NOT NULL DEFAULT '',
    actor_id     bigint REFERENCES actors (id),
    handle       text,
    text_simhash bigint,
    text_words   integer NOT NULL DEFAULT 0,
    prepared_at  timestamptz,
    PRIMARY KEY (case_id, item_id)
);
CREATE INDEX reappear_removed_item ON reappear_removed (item_id);
CREATE INDEX reappear_removed_unprepared ON reappear_removed (known_at) WHERE prepared_at IS NULL;
CREATE INDEX reappear_removed_handle ON reappear_removed (platform_id, reappear_handle_base(handle))
    WHERE handle IS NOT NULL;

-- Which removed item (and which of its files) each entry of the REMOVED_CONTENT bank came from. One entry may
-- stand for several removed items: the bank keeps a signal once.
CREATE TABLE reappear_bank_entries (
    entry_id    bigint NOT NULL REFERENCES bank_entries (id) ON DELETE CASCADE,
    case_id     bigint NOT NULL,
    item_id     bigint NOT NULL,
    blob_sha256 text NOT NULL,
    PRIMARY KEY (entry_id, case_id, item_id, blob_sha256),
    FOREIGN KEY (case_id, item_id) REFERENCES reappear_removed (case_id, item_id)
);

-- A new item that carries the content of a removed case, found one way (how); detail holds the explanation's
-- values. case_id is the case of the "reappeared" queue the item was put in.
CREATE TABLE reappearances (
    id              bigserial PRIMARY KEY,
    item_id         bigint NOT NULL REFERENCES items (id),
    removed_case_id bigint NOT NULL REFERENCES review_cases (id),
    removed_item_id bigint NOT NULL REFERENCES items (id),
    how             text NOT NULL CHECK (how IN ('blob', 'pdq', 'text', 'actor')),
    detail          jsonb NOT NULL DEFAULT '{}',
    platform_id     bigint REFERENCES platforms (id),
    entity          text NOT NULL DEFAULT '',
    unit_id         bigint NOT NULL REFERENCES units (id),
    case_id         bigint REFERENCES review_cases (id),
    found_at        timestamptz NOT NULL,
    UNIQUE (item_id, removed_case_id, how)
);
CREATE INDEX reappearances_found ON reappearances (found_at);
CREATE INDEX reappearances_case ON reappearances (case_id);
CREATE INDEX reappearances_removed_case ON reappearances (removed_case_id);
