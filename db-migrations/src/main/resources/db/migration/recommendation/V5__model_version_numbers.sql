-- Replicas train side by side, and each numbered its models one past the highest stored, so two replicas training at
-- once claimed the same number and one failed on the unique (model_type, version). Numbers now come from a sequence.
CREATE SEQUENCE model_version_numbers;
SELECT setval('model_version_numbers', COALESCE((SELECT max(version) FROM model_versions), 0) + 1, false);
