-- Referrals (voluntary, against a platform's terms) and removal orders (TCO Art. 3), each to one platform,
-- with their items and the platform's answers. Orders keep their Annex I fields in tables of their own.
CREATE TABLE referrals (
    id          bigserial PRIMARY KEY,
    reference   text NOT NULL UNIQUE CHECK (length(reference) BETWEEN 1 AND 80),
    kind        text NOT NULL CHECK (kind IN ('referral', 'removal_order')),
    unit_id     bigint NOT NULL REFERENCES units (id),
    platform_id bigint NOT NULL REFERENCES platforms (id),
    language    text NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    created_by  bigint REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    -- Receipt: the first confirmed delivery to the platform, or the first time a platform user opened it.
    -- A removal order's one-hour clock starts here.
    received_at timestamptz,
    received_via text CHECK (received_via IN ('email', 'webhook', 'portal'))
);
CREATE INDEX referrals_platform ON referrals (platform_id, created_at DESC);
CREATE INDEX referrals_unit ON referrals (unit_id, created_at DESC);

CREATE TABLE referral_items (
    id          bigserial PRIMARY KEY,
    referral_id bigint NOT NULL REFERENCES referrals (id),
    case_id     bigint NOT NULL REFERENCES review_cases (id),
    item_id     bigint NOT NULL REFERENCES items (id),
    -- Copied from the referral so that the rule below is one unique index.
    platform_id bigint NOT NULL REFERENCES platforms (id),
    kind        text NOT NULL CHECK (kind IN ('referral', 'removal_order')),
    url         text NOT NULL,
    -- TCO Art. 2(7) letters, e.g. {a,c}.
    categories  text[] NOT NULL CHECK (categories <@ ARRAY['a', 'b', 'c', 'd', 'e'] AND cardinality(categories) > 0),
    entity      text NOT NULL DEFAULT '',
    reason      text NOT NULL,
    -- Evidence references: the SHA-256 and PDQ hashes of the item's media.
    sha256      text[] NOT NULL DEFAULT '{}',
    pdq         text[] NOT NULL DEFAULT '{}',
    -- Never referred twice to the same platform, never ordered twice.
    UNIQUE (item_id, platform_id, kind)
);
CREATE INDEX referral_items_referral ON referral_items (referral_id);
CREATE INDEX referral_items_case ON referral_items (case_id);

-- The platform's answers per item, append-only: a later answer does not erase an earlier one.
-- Referral answers: removed, access_disabled, geo_blocked, rejected (with reason), need_information.
-- Order answers: Annex II (removed, access_disabled, with the time of the action) or Annex III
-- (cannot_execute, with reason_code force_majeure | de_facto_impossibility | manifest_error |
-- insufficient_information, and the clarification asked in the reason).
CREATE TABLE referral_answers (
    id               bigserial PRIMARY KEY,
    referral_item_id bigint NOT NULL REFERENCES referral_items (id),
    answer           text NOT NULL CHECK (answer IN ('removed', 'access_disabled', 'geo_blocked', 'rejected',
                                                      'need_information', 'cannot_execute')),
    reason_code      text NOT NULL DEFAULT '' CHECK (reason_code IN ('', 'force_majeure', 'de_facto_impossibility',
                                                      'manifest_error', 'insufficient_information')),
    reason           text NOT NULL DEFAULT '',
    -- When the platform says it acted (Annex II: "time of removal"); recorded_at is when we learned it.
    acted_at         timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL,
    user_id          bigint REFERENCES users (id),
    via              text NOT NULL CHECK (via IN ('portal', 'api', 'unit'))
);
CREATE INDEX referral_answers_item ON referral_answers (referral_item_id, recorded_at);
CREATE RULE referral_answers_no_update AS ON UPDATE TO referral_answers DO INSTEAD NOTHING;
CREATE RULE referral_answers_no_delete AS ON DELETE TO referral_answers DO INSTEAD NOTHING;

-- When each referred item came down: the earliest platform confirmation (removed / access disabled).
-- The verify feature replaces this view to add the first check that saw the URL gone (same columns).
CREATE VIEW referral_item_removals AS
SELECT DISTINCT ON (ri.id) ri.id AS referral_item_id, ri.item_id, ri.platform_id, ri.case_id,
       a.acted_at AS removed_at, CAST('platform' AS text) AS how
FROM referral_items ri
JOIN referral_answers a ON a.referral_item_id = ri.id AND a.answer IN ('removed', 'access_disabled')
ORDER BY ri.id, a.acted_at;
