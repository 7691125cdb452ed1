-- Reference numbers of referrals: <UNIT>-REF-<year>-<number>, the number from one sequence for the deployment
-- so that two units never hand out the same one.
CREATE SEQUENCE referral_reference_seq;

-- A unit's own wording of the reason text sent with each referred item, per language. Without a row the
-- built-in text of the language is used (ReasonTemplates.DEFAULTS). Changes are audited.
CREATE TABLE referral_templates (
    unit_id    bigint NOT NULL REFERENCES units (id),
    language   text NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    updated_by bigint REFERENCES users (id),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (unit_id, language)
);
