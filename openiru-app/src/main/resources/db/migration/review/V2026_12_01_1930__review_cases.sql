-- The review desk (docs/review.md): cases of items, their append-only events, queues, claims, assessments,
-- approvals, holds, and the per-user and per-unit settings of the desk.

-- A queue is who works which cases. unit_id null: open to every unit; roles: who may take cases from it.
CREATE TABLE review_queues (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    description text NOT NULL DEFAULT '',
    unit_id     bigint REFERENCES units (id),
    roles       text[] NOT NULL DEFAULT '{analyst,supervisor}' CHECK (cardinality(roles) > 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO review_queues (name, description) VALUES ('general', 'Every case not routed elsewhere');

-- A case: what one analyst decides on. "state" is the workflow part of the state that CaseState.fold derives
-- from the case's events, written in the transaction that appends each event so that queues can be read with
-- an index; "in review" (an unexpired claim) and "held" (an active hold) are read from their own tables.
CREATE TABLE review_cases (
    id          bigserial PRIMARY KEY,
    unit_id     bigint NOT NULL REFERENCES units (id),
    queue_id    bigint NOT NULL REFERENCES review_queues (id),
    priority    integer NOT NULL DEFAULT 50 CHECK (priority BETWEEN 0 AND 100),
    title       text NOT NULL DEFAULT '' CHECK (length(title) <= 500),
    -- graphic content counts against an analyst's daily cap (review_user_settings.daily_graphic_cap)
    graphic     boolean NOT NULL DEFAULT false,
    state       text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'assessed', 'approved', 'referred', 'closed',
                    'escalated', 'not_actionable')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_cases_queue ON review_cases (queue_id, state, priority DESC, created_at);

CREATE TABLE review_case_items (
    case_id    bigint NOT NULL REFERENCES review_cases (id),
    item_id    bigint NOT NULL REFERENCES items (id),
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, item_id)
);
CREATE INDEX review_case_items_item ON review_case_items (item_id);

-- Every action on a case, never changed or removed (the trigger below refuses it).
CREATE TABLE review_case_events (
    id         bigserial PRIMARY KEY,
    case_id    bigint NOT NULL REFERENCES review_cases (id),
    kind       text NOT NULL CHECK (kind IN ('created', 'item_added', 'routed', 'claimed', 'released',
                   'claim_expired', 'assessed', 'escalated', 'approved', 'approval_rejected', 'held',
                   'hold_lifted', 'hold_expired', 'referred', 'closed', 'reopened', 'commented')),
    actor_id   bigint REFERENCES users (id),
    actor_name text NOT NULL,
    unit_id    bigint REFERENCES units (id),
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    batch_id   uuid,
    payload    jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX review_case_events_case ON review_case_events (case_id, id);
CREATE INDEX review_case_events_actor ON review_case_events (actor_id, kind, at);
CREATE INDEX review_case_events_batch ON review_case_events (batch_id) WHERE batch_id IS NOT NULL;

CREATE FUNCTION review_case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'review_case_events is append-only';
END $$;
CREATE TRIGGER review_case_events_append_only BEFORE UPDATE OR DELETE ON review_case_events
    FOR EACH ROW EXECUTE FUNCTION review_case_events_append_only();

-- The one claim a case can have: exclusive, renewed while the analyst works, taken over once expired.
CREATE TABLE review_claims (
    case_id    bigint PRIMARY KEY REFERENCES review_cases (id),
    user_id    bigint NOT NULL REFERENCES users (id),
    claimed_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX review_claims_user ON review_claims (user_id);

CREATE TABLE review_assessments (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES review_cases (id),
    event_id     bigint NOT NULL REFERENCES review_case_events (id),
    assessor_id  bigint NOT NULL REFERENCES users (id),
    outcome      text NOT NULL CHECK (outcome IN ('terrorist', 'not_actionable', 'escalate')),
    -- TCO Regulation Art. 2(7) points a to e
    categories   text[] NOT NULL DEFAULT '{}',
    entity       text NOT NULL DEFAULT '',
    severity     integer CHECK (severity BETWEEN 1 AND 4),
    content_type text NOT NULL DEFAULT '',
    reason       text NOT NULL DEFAULT '',
    question     text NOT NULL DEFAULT '',
    note         text NOT NULL DEFAULT '',
    needs_approval boolean NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (outcome <> 'terrorist' OR (cardinality(categories) > 0 AND severity IS NOT NULL AND entity <> '')),
    CHECK (outcome <> 'not_actionable' OR reason <> ''),
    CHECK (outcome <> 'escalate' OR question <> '')
);
CREATE INDEX review_assessments_case ON review_assessments (case_id, id);

CREATE TABLE review_approvals (
    id            bigserial PRIMARY KEY,
    assessment_id bigint NOT NULL REFERENCES review_assessments (id),
    approver_id   bigint NOT NULL REFERENCES users (id),
    decision      text NOT NULL CHECK (decision IN ('approved', 'rejected')),
    comment       text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (decision <> 'rejected' OR comment <> '')
);
-- the last line of defence for four eyes: the approver is never the assessor
CREATE FUNCTION review_approvals_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM review_assessments a WHERE a.id = NEW.assessment_id AND a.assessor_id = NEW.approver_id)
    THEN
        RAISE EXCEPTION 'the approver of an assessment must not be its assessor';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER review_approvals_four_eyes BEFORE INSERT ON review_approvals
    FOR EACH ROW EXECUTE FUNCTION review_approvals_four_eyes();

-- Deconfliction holds on a case or on an actor. The reason is shown to the holding unit only.
CREATE TABLE review_holds (
    id         bigserial PRIMARY KEY,
    case_id    bigint REFERENCES review_cases (id),
    actor_id   bigint REFERENCES actors (id),
    unit_id    bigint NOT NULL REFERENCES units (id),
    reason     text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    reference  text NOT NULL DEFAULT '',
    contact    text NOT NULL DEFAULT '',
    expires_at timestamptz NOT NULL,
    created_by bigint REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    ended_at   timestamptz,
    ended_by   text,
    CHECK ((case_id IS NULL) <> (actor_id IS NULL))
);
CREATE INDEX review_holds_case ON review_holds (case_id) WHERE ended_at IS NULL;
CREATE INDEX review_holds_actor ON review_holds (actor_id) WHERE ended_at IS NULL;

-- How a person sees media on the desk, and what a supervisor set for them.
CREATE TABLE review_user_settings (
    user_id           bigint PRIMARY KEY REFERENCES users (id),
    blur              text NOT NULL DEFAULT 'strong' CHECK (blur IN ('none', 'light', 'medium', 'strong')),
    greyscale         boolean NOT NULL DEFAULT true,
    autoplay_muted    boolean NOT NULL DEFAULT false,
    senior_analyst    boolean NOT NULL DEFAULT false,
    daily_graphic_cap integer CHECK (daily_graphic_cap BETWEEN 1 AND 1000)
);

-- Which assessment outcomes need a second person's approval, per unit (no row: terrorist content only).
CREATE TABLE review_unit_settings (
    unit_id           bigint PRIMARY KEY REFERENCES units (id),
    approval_outcomes text[] NOT NULL DEFAULT '{terrorist}' CHECK ('terrorist' = ANY (approval_outcomes))
);
