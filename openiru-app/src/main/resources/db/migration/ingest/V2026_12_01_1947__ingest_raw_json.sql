-- Raw records are stored as json, not jsonb: json keeps the record as text after checking that it is JSON,
-- while jsonb takes every record apart into a binary tree, work the database does for each stored version
-- during an import (docs/benchmarks.md, "Ingest (issue 3)"). Raw records are evidence to show and read, not to search;
-- the -> and ->> operators work on json too, and the item page casts one record to jsonb to indent it.
ALTER TABLE item_versions ALTER COLUMN raw TYPE json USING CAST(raw AS json);
