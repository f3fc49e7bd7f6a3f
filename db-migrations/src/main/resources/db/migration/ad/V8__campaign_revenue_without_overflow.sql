-- A campaign's revenue is the sum of its conversions' values, each up to 999,999,999.99 (what the conversion notice
-- accepts). NUMERIC(14, 2) overflowed after about a thousand such conversions, and from then on every conversion of
-- the campaign failed, however small. NUMERIC(30, 2) holds as many of the largest conversions as the conversions
-- counter (BIGINT) can count, so the sum cannot overflow before the count does. Raising the precision keeps the
-- values as they are; PostgreSQL does not rewrite the table for it.
ALTER TABLE ad_campaign_delivery ALTER COLUMN revenue TYPE NUMERIC(30, 2);
