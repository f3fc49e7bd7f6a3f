-- Reorder plans per SKU and warehouse: each warehouse's own demand, stock position and suggestion. Plans are only
-- ever recomputed (every suggestion run and daily batch plans every SKU again), so the plans over all warehouses
-- are dropped rather than guessed onto one; until a SKU is planned again its low-stock alerts use the configured
-- reorder point.
DELETE FROM replenishment_plans;
ALTER TABLE replenishment_plans DROP CONSTRAINT replenishment_plans_pkey;
ALTER TABLE replenishment_plans ADD COLUMN location TEXT NOT NULL;
ALTER TABLE replenishment_plans ADD PRIMARY KEY (sku, location);
