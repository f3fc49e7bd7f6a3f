-- A promotion called off after it started is cut short rather than struck out: its ends_on becomes the day it was
-- called off, and the days it ran stay what they were, promotion days, for measuring the SKU's response to a discount.
ALTER TABLE promotions ADD COLUMN cut_short BOOLEAN NOT NULL DEFAULT false;
