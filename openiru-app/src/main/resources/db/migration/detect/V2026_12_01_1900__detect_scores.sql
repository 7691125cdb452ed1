-- Detection (issue 5): the reference data the scorer matches (versioned: every change is a new version, old
-- versions stay for the scores that name them), trained models, and each item's current score with its reasons.

CREATE TABLE detect_reference_versions (
    id         bigserial PRIMARY KEY,
    -- "2025.06-1" for shipped YAML; "<base>+e<id>" for a version made by an edit in the UI
    version    text NOT NULL UNIQUE,
    origin     text NOT NULL CHECK (origin IN ('shipped', 'edited')),
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    note       text NOT NULL DEFAULT ''
);

CREATE TABLE detect_entities (
    version_id  bigint NOT NULL REFERENCES detect_reference_versions (id),
    entity_id   text NOT NULL,
    name        text NOT NULL,
    names       text[] NOT NULL DEFAULT '{}',
    exonyms     text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (version_id, entity_id)
);

CREATE TABLE detect_outlets (
    version_id  bigint NOT NULL REFERENCES detect_reference_versions (id),
    entity_id   text NOT NULL,
    name        text NOT NULL,
    aliases     text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (version_id, entity_id, name)
);

CREATE TABLE detect_terms (
    version_id  bigint NOT NULL REFERENCES detect_reference_versions (id),
    term_class  text NOT NULL,
    term        text NOT NULL,
    PRIMARY KEY (version_id, term_class, term)
);

-- Hosts of sites known to belong to an entity (e.g. an outlet's own site): an outlink there is a reason.
CREATE TABLE detect_known_hosts (
    version_id  bigint NOT NULL REFERENCES detect_reference_versions (id),
    host        text NOT NULL,
    entity_id   text NOT NULL,
    note        text NOT NULL DEFAULT '',
    PRIMARY KEY (version_id, host)
);

-- The one current reference version (a single row).
CREATE TABLE detect_current_reference (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version_id bigint NOT NULL REFERENCES detect_reference_versions (id)
);

-- Classifier models trained in this deployment (the shipped one is a resource of openiru-text).
CREATE TABLE detect_models (
    version    text PRIMARY KEY CHECK (length(version) BETWEEN 1 AND 100),
    trained_by text NOT NULL,
    trained_at timestamptz NOT NULL DEFAULT now(),
    examples   integer NOT NULL,
    training   text NOT NULL,
    data       bytea NOT NULL,
    current    boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX detect_models_one_current ON detect_models (current) WHERE current;

-- Each item's current score. item_version is the text version scored: a newer version makes it stale.
CREATE TABLE item_scores (
    item_id      bigint PRIMARY KEY,
    item_version integer NOT NULL,
    score        double precision NOT NULL,
    priority     integer NOT NULL CHECK (priority BETWEEN 0 AND 100),
    band         text NOT NULL CHECK (band IN ('high', 'medium', 'low')),
    label        text NOT NULL CHECK (label IN ('propaganda', 'journalism', 'counter_speech', 'research', 'unrelated')),
    language     text NOT NULL,
    model        text NOT NULL,
    scored_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX item_scores_priority ON item_scores (priority DESC, item_id DESC);

-- The reasons of a current score, in order. message_key and args render the sentence in any language.
CREATE TABLE item_score_reasons (
    item_id     bigint NOT NULL REFERENCES item_scores (item_id) ON DELETE CASCADE,
    position    integer NOT NULL,
    code        text NOT NULL,
    weight      double precision NOT NULL,
    message_key text NOT NULL,
    args        text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (item_id, position)
);
