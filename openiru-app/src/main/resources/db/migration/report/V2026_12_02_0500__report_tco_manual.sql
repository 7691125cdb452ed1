-- What a TCO Art. 8 transparency report needs and no table records (docs/reports.md, "Transparency reports"):
-- entered by a supervisor of the unit per report period, audited, printed in the report. A null number: not
-- entered (the report says so), never 0.
CREATE TABLE report_tco_manual (
    unit_id            bigint NOT NULL REFERENCES units (id),
    period_from        date NOT NULL,
    period_to          date NOT NULL,
    -- Art. 8(1)(a), Art. 4: removal orders of other member states scrutinised by this authority as the host
    -- state's competent authority, and what the scrutiny found
    scrutinised        integer CHECK (scrutinised >= 0),
    scrutiny_outcome   text NOT NULL DEFAULT '' CHECK (length(scrutiny_outcome) <= 4000),
    -- Art. 8(1)(b), Art. 5(4), (6), (7): decisions on specific measures, and what the measures were
    specific_measures  integer CHECK (specific_measures >= 0),
    measures_text      text NOT NULL DEFAULT '' CHECK (length(measures_text) <= 4000),
    -- Art. 8(1)(c), Art. 9: orders and decisions under administrative or judicial review, and the outcomes
    reviews            integer CHECK (reviews >= 0),
    reviews_outcome    text NOT NULL DEFAULT '' CHECK (length(reviews_outcome) <= 4000),
    -- Art. 8(1)(d), Art. 18: decisions imposing penalties, and the type of penalty
    penalties          integer CHECK (penalties >= 0),
    penalties_text     text NOT NULL DEFAULT '' CHECK (length(penalties_text) <= 4000),
    updated_by         bigint REFERENCES users (id),
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (unit_id, period_from, period_to),
    CHECK (period_to >= period_from)
);
