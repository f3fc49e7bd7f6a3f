-- The exchange that won an impression: only it may report the impression's click and conversion. Impressions won
-- before this column existed keep it empty and may be reported by any configured exchange, as before.
ALTER TABLE ad_impressions ADD COLUMN exchange VARCHAR(64);
