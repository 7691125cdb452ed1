-- Action days (docs/action-days.md): a takedown campaign with participating units and platforms, a scope, a
-- target list of actors, a live board and a final report. Referrals and removal orders made while one runs,
-- by one of its units to one of its platforms, carry its id (running_action_day below).
CREATE TABLE saved_searches (
    id         bigserial PRIMARY KEY,
    unit_id    bigint NOT NULL REFERENCES units (id),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- the query string of the items page (/items?...), without the leading '?'
    query      text NOT NULL CHECK (length(query) <= 4000),
    created_by bigint REFERENCES users (id),
    created_at timestamptz NOT NULL,
    UNIQUE (unit_id, name)
);

CREATE TABLE action_days (
    id          bigserial PRIMARY KEY,
    -- the organising unit; its supervisors run the day
    unit_id     bigint NOT NULL REFERENCES units (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    -- the planned window
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    status      text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'closed')),
    -- scope: assessed entities, review queues and saved searches whose content the day is about
    entities         text[] NOT NULL DEFAULT '{}',
    queue_ids        bigint[] NOT NULL DEFAULT '{}',
    saved_search_ids bigint[] NOT NULL DEFAULT '{}',
    created_by  bigint REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    started_at  timestamptz,
    closed_at   timestamptz,
    CHECK (ends_at > starts_at),
    CHECK ((status = 'planned') = (started_at IS NULL)),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);

CREATE TABLE action_day_units (
    action_day_id bigint NOT NULL REFERENCES action_days (id),
    unit_id       bigint NOT NULL REFERENCES units (id),
    PRIMARY KEY (action_day_id, unit_id)
);
CREATE INDEX action_day_units_unit ON action_day_units (unit_id);

CREATE TABLE action_day_platforms (
    action_day_id bigint NOT NULL REFERENCES action_days (id),
    platform_id   bigint NOT NULL REFERENCES platforms (id),
    PRIMARY KEY (action_day_id, platform_id)
);

-- The actors the day sets out to take down (chosen on the takedown-impact page or by hand).
CREATE TABLE action_day_targets (
    action_day_id bigint NOT NULL REFERENCES action_days (id),
    actor_id      bigint NOT NULL REFERENCES actors (id),
    added_by      bigint REFERENCES users (id),
    added_at      timestamptz NOT NULL,
    PRIMARY KEY (action_day_id, actor_id)
);

ALTER TABLE referrals ADD COLUMN action_day_id bigint REFERENCES action_days (id);
CREATE INDEX referrals_action_day ON referrals (action_day_id) WHERE action_day_id IS NOT NULL;

-- The running action day that a referral or order made now by this unit to this platform belongs to: the one
-- started first when several run at once, null when none does.
CREATE FUNCTION running_action_day(p_unit_id bigint, p_platform_id bigint) RETURNS bigint
    LANGUAGE sql STABLE AS $$
    SELECT d.id FROM action_days d
    JOIN action_day_units u ON u.action_day_id = d.id AND u.unit_id = p_unit_id
    JOIN action_day_platforms p ON p.action_day_id = d.id AND p.platform_id = p_platform_id
    WHERE d.status = 'running'
    ORDER BY d.started_at, d.id
    LIMIT 1
$$;

-- One row per item referred or ordered in an action day, with where it stands: the figures of the live board
-- and the final report are aggregates of this view (docs/reports.md). status: removed (a platform confirmation
-- or a check that saw it gone, referral_item_removals), rejected (not removed, and the platform's latest answer
-- is a rejection or an Annex III "cannot execute"), pending (neither).
CREATE VIEW action_day_items AS
SELECT r.action_day_id, ri.id AS referral_item_id, r.id AS referral_id, r.kind, r.unit_id, r.platform_id,
       ri.case_id, ri.item_id, i.actor_id, i.language, ri.entity,
       (SELECT a.content_type FROM review_assessments a WHERE a.case_id = ri.case_id AND a.outcome = 'terrorist'
        ORDER BY a.id DESC LIMIT 1) AS content_type,
       r.created_at AS referred_at, rem.removed_at,
       CASE WHEN rem.removed_at IS NOT NULL THEN 'removed'
            WHEN last.answer IN ('rejected', 'cannot_execute') THEN 'rejected'
            ELSE 'pending' END AS status
FROM referrals r
JOIN referral_items ri ON ri.referral_id = r.id
JOIN items i ON i.id = ri.item_id
LEFT JOIN LATERAL (
    SELECT x.removed_at FROM referral_item_removals x WHERE x.referral_item_id = ri.id
) rem ON true
LEFT JOIN LATERAL (
    SELECT a.answer FROM referral_answers a WHERE a.referral_item_id = ri.id ORDER BY a.recorded_at DESC, a.id DESC
    LIMIT 1
) last ON true
WHERE r.action_day_id IS NOT NULL;
