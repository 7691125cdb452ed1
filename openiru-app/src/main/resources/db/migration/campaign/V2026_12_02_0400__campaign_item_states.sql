-- The rows of action_day_items, kept up to date as referrals, answers, checks and assessments arrive, so that the
-- live board reads one narrow table (docs/benchmarks.md, "Action day board"): the first definition of the view
-- looked up the removal, the latest answer and the content type of every item on every read (seconds for
-- 100,000 items). The view keeps its columns and meaning; what each column was computed from is said below.
CREATE TABLE action_day_item_states (
    referral_item_id bigint PRIMARY KEY REFERENCES referral_items (id),
    action_day_id    bigint NOT NULL REFERENCES action_days (id),
    referral_id      bigint NOT NULL,
    kind             text NOT NULL,
    unit_id          bigint NOT NULL,
    platform_id      bigint NOT NULL,
    case_id          bigint NOT NULL,
    item_id          bigint NOT NULL,
    -- of the item (items.actor_id, items.language), which do not change once collected
    actor_id         bigint,
    language         text,
    entity           text NOT NULL,
    -- the content type of the case's latest terrorist assessment
    content_type     text,
    referred_at      timestamptz NOT NULL,
    -- referral_item_removals.removed_at: the earliest removed/access_disabled answer (acted_at) or gone check
    removed_at       timestamptz,
    -- the platform's latest answer (by recorded_at, then id)
    last_answer      text,
    last_recorded_at timestamptz,
    last_answer_id   bigint
);
CREATE INDEX action_day_item_states_day ON action_day_item_states (action_day_id);
CREATE INDEX action_day_item_states_case ON action_day_item_states (case_id);

INSERT INTO action_day_item_states
SELECT ri.id, r.action_day_id, r.id, r.kind, r.unit_id, r.platform_id, ri.case_id, ri.item_id, i.actor_id, i.language,
       ri.entity,
       (SELECT a.content_type FROM review_assessments a WHERE a.case_id = ri.case_id AND a.outcome = 'terrorist'
        ORDER BY a.id DESC LIMIT 1),
       r.created_at, rem.removed_at, last.answer, last.recorded_at, last.id
FROM referrals r
JOIN referral_items ri ON ri.referral_id = r.id
JOIN items i ON i.id = ri.item_id
LEFT JOIN referral_item_removals rem ON rem.referral_item_id = ri.id
LEFT JOIN LATERAL (
    SELECT a.answer, a.recorded_at, a.id FROM referral_answers a WHERE a.referral_item_id = ri.id
    ORDER BY a.recorded_at DESC, a.id DESC LIMIT 1
) last ON true
WHERE r.action_day_id IS NOT NULL;

-- A referral or order of a running day: its items get their rows.
CREATE FUNCTION action_day_states_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO action_day_item_states (referral_item_id, action_day_id, referral_id, kind, unit_id, platform_id,
                                        case_id, item_id, actor_id, language, entity, content_type, referred_at)
    SELECT n.id, r.action_day_id, r.id, r.kind, r.unit_id, r.platform_id, n.case_id, n.item_id, i.actor_id,
           i.language, n.entity,
           (SELECT a.content_type FROM review_assessments a WHERE a.case_id = n.case_id AND a.outcome = 'terrorist'
            ORDER BY a.id DESC LIMIT 1),
           r.created_at
    FROM new_items n
    JOIN referrals r ON r.id = n.referral_id AND r.action_day_id IS NOT NULL
    JOIN items i ON i.id = n.item_id;
    RETURN NULL;
END $$;
CREATE TRIGGER action_day_states_items AFTER INSERT ON referral_items REFERENCING NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION action_day_states_items();

-- An answer: the latest answer moves on; a removal confirmation may make the removal earlier.
CREATE FUNCTION action_day_states_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE action_day_item_states s
    SET last_answer = CASE WHEN (s.last_answer_id IS NULL OR (x.recorded_at, x.id) > (s.last_recorded_at, s.last_answer_id)) THEN x.answer ELSE s.last_answer END,
        last_recorded_at = CASE WHEN (s.last_answer_id IS NULL OR (x.recorded_at, x.id) > (s.last_recorded_at, s.last_answer_id)) THEN x.recorded_at ELSE s.last_recorded_at END,
        last_answer_id = CASE WHEN (s.last_answer_id IS NULL OR (x.recorded_at, x.id) > (s.last_recorded_at, s.last_answer_id)) THEN x.id ELSE s.last_answer_id END,
        removed_at = LEAST(s.removed_at, x.removed_at)
    FROM (
        SELECT l.referral_item_id, l.answer, l.recorded_at, l.id, rm.removed_at
        FROM (SELECT DISTINCT ON (referral_item_id) referral_item_id, answer, recorded_at, id FROM new_answers
              ORDER BY referral_item_id, recorded_at DESC, id DESC) l
        LEFT JOIN (SELECT referral_item_id, min(acted_at) AS removed_at FROM new_answers
                   WHERE answer IN ('removed', 'access_disabled') GROUP BY referral_item_id) rm
               ON rm.referral_item_id = l.referral_item_id
    ) x
    WHERE s.referral_item_id = x.referral_item_id;
    RETURN NULL;
END $$;
CREATE TRIGGER action_day_states_answers AFTER INSERT ON referral_answers REFERENCING NEW TABLE AS new_answers
    FOR EACH STATEMENT EXECUTE FUNCTION action_day_states_answers();

-- A check that saw the item gone may make the removal earlier.
CREATE FUNCTION action_day_states_checks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE action_day_item_states s SET removed_at = LEAST(s.removed_at, g.at)
    FROM (SELECT referral_item_id, min(checked_at) AS at FROM new_checks WHERE outcome = 'gone'
          GROUP BY referral_item_id) g
    WHERE s.referral_item_id = g.referral_item_id;
    RETURN NULL;
END $$;
CREATE TRIGGER action_day_states_checks AFTER INSERT ON verify_checks REFERENCING NEW TABLE AS new_checks
    FOR EACH STATEMENT EXECUTE FUNCTION action_day_states_checks();

-- A new terrorist assessment of a referred case changes its content type.
CREATE FUNCTION action_day_states_assessments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE action_day_item_states s SET content_type = x.content_type
    FROM (SELECT DISTINCT ON (case_id) case_id, content_type FROM new_assessments WHERE outcome = 'terrorist'
          ORDER BY case_id, id DESC) x
    WHERE s.case_id = x.case_id;
    RETURN NULL;
END $$;
CREATE TRIGGER action_day_states_assessments AFTER INSERT ON review_assessments
    REFERENCING NEW TABLE AS new_assessments FOR EACH STATEMENT EXECUTE FUNCTION action_day_states_assessments();

-- The same columns and meaning as the first definition (V2026_12_02_0110), read from the kept rows.
CREATE OR REPLACE VIEW action_day_items AS
SELECT s.action_day_id, s.referral_item_id, s.referral_id, s.kind, s.unit_id, s.platform_id, s.case_id, s.item_id,
       s.actor_id, s.language, s.entity, s.content_type, s.referred_at, s.removed_at,
       CASE WHEN s.removed_at IS NOT NULL THEN 'removed'
            WHEN s.last_answer IN ('rejected', 'cannot_execute') THEN 'rejected'
            ELSE 'pending' END AS status
FROM action_day_item_states s;
