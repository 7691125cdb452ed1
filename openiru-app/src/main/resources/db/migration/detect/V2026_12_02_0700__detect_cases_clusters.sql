-- Cases from detection (docs/detection.md, "Cases and routing"): which items carry the same content, the case
-- each one went to and why, the routing rules that choose a new case's queue, and each routed case's explanation.

-- The queues detection routes into (review_queues names are slugs; the description is the name people read).
INSERT INTO review_queues (name, description) VALUES
    ('hash-matches', 'Hash matches — verify'),
    ('arabic-new', 'Arabic — new content'),
    ('english', 'English'),
    ('video', 'Video'),
    ('journalism-sample', 'Likely journalism — sample')
ON CONFLICT (name) DO NOTHING;

-- Every clustered item: the content keys it was indexed with, and what clustering did with it. One row per item,
-- written again when the item is clustered again (a new text version, a file hashed later). seq grows with every
-- write, so that each process's in-memory index reads what others wrote since it last looked.
CREATE SEQUENCE detect_cluster_seq;
CREATE TABLE detect_cluster_items (
    item_id      bigint PRIMARY KEY REFERENCES items (id),
    seq          bigint NOT NULL DEFAULT nextval('detect_cluster_seq'),
    item_version integer NOT NULL,
    sha256s      text[] NOT NULL DEFAULT '{}',
    pdqs         text[] NOT NULL DEFAULT '{}',
    -- SimHash of the normalised text; null when the text is shorter than the words needed to compare it
    simhash      bigint,
    words        integer NOT NULL,
    -- opened: the item opened case_id; joined: it joined case_id, a copy of via_item_id; in_case: it was in a case
    -- already (opened by hand or as a reappearance); copy_of_decided: it opened case_id as a copy of a decided case
    -- (suggested_from); not_opened: no case (not a priority and no case of a copy to join)
    outcome      text NOT NULL CHECK (outcome IN ('opened', 'joined', 'in_case', 'copy_of_decided', 'not_opened')),
    case_id      bigint REFERENCES review_cases (id),
    via_item_id  bigint REFERENCES items (id),
    how          text CHECK (how IN ('sha256', 'pdq', 'text')),
    distance     integer,
    suggested_from bigint REFERENCES review_cases (id),
    clustered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX detect_cluster_items_seq ON detect_cluster_items (seq);
CREATE INDEX detect_cluster_items_case ON detect_cluster_items (case_id);

-- Rules that choose the queue of a case detection opens: evaluated by position, the first enabled rule whose
-- every set condition holds wins; no rule: the general queue. Null conditions are not checked.
CREATE TABLE detect_routing_rules (
    id            bigserial PRIMARY KEY,
    position      integer NOT NULL,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    enabled       boolean NOT NULL DEFAULT true,
    queue_id      bigint NOT NULL REFERENCES review_queues (id),
    -- a reason code (signal.hash_match) or a prefix of codes ending in a dot (lexicon.)
    reason        text CHECK (reason ~ '^[a-z_]+([.][a-z_]*)*$'),
    min_priority  integer CHECK (min_priority BETWEEN 0 AND 100),
    max_priority  integer CHECK (max_priority BETWEEN 0 AND 100),
    label         text CHECK (label IN ('propaganda', 'journalism', 'counter_speech', 'research', 'unrelated')),
    platform_id   bigint REFERENCES platforms (id),
    language      text CHECK (language ~ '^[a-z]{2,3}$'),
    -- a prefix of a file's media type: video/, image/png
    media_type    text CHECK (media_type ~ '^[a-z0-9.+-]+/[a-z0-9.+-]*$'),
    source_kind   text CHECK (source_kind IN ('telegram_export', 'tme', 'warc', 'urls', 'jsonl', 'api')),
    -- 1: every matching case; n: one in n of them, chosen by a hash of the item id so that clustering an item
    -- again gives the same answer (the others go on to the next rules)
    sample_every  integer NOT NULL DEFAULT 1 CHECK (sample_every BETWEEN 1 AND 1000000),
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (min_priority IS NULL OR max_priority IS NULL OR min_priority <= max_priority),
    CONSTRAINT detect_routing_rules_position UNIQUE (position) DEFERRABLE INITIALLY DEFERRED
);

INSERT INTO detect_routing_rules (position, name, queue_id, reason, label, language, media_type, sample_every,
                                  updated_by)
SELECT x.position, x.name, q.id, x.reason, x.label, x.language, x.media_type, x.sample_every, 'migration'
FROM (VALUES (1, 'Hash matches — verify', 'hash-matches', 'signal.hash_match', NULL, NULL, NULL, 1),
             (2, 'Likely journalism — sample', 'journalism-sample', NULL, 'journalism', NULL, NULL, 10),
             (3, 'Video', 'video', NULL, NULL, NULL, 'video/', 1),
             (4, 'Arabic — new content', 'arabic-new', NULL, NULL, 'ar', NULL, 1),
             (5, 'English', 'english', NULL, NULL, 'en', NULL, 1))
     AS x(position, name, queue, reason, label, language, media_type, sample_every)
JOIN review_queues q ON q.name = x.queue;

-- Why a case detection opened is in its queue: the item's facts the rules saw, the rule that matched (null: none,
-- the general queue) as it was then, and each of its conditions with the item's value.
CREATE TABLE detect_case_routing (
    case_id       bigint PRIMARY KEY REFERENCES review_cases (id),
    item_id       bigint NOT NULL REFERENCES items (id),
    rule_id       bigint REFERENCES detect_routing_rules (id),
    rule_name     text,
    rule_position integer,
    queue         text NOT NULL,
    -- [{"field", "expected", "actual"}]
    conditions    jsonb NOT NULL DEFAULT '[]',
    -- the matched rule's sample: one in n (null: not a sampling rule)
    sample_every  integer,
    -- why the item opened a case: band (high/medium), hash_match, sample or copy_of_decided
    opened_because text NOT NULL,
    routed_at     timestamptz NOT NULL DEFAULT now()
);
