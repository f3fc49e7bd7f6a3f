-- A purchase order holds several SKUs from one supplier: its SKUs, quantities and unit costs move to lines.
CREATE TABLE purchase_order_lines (
    purchase_order_id UUID          NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    position          INTEGER       NOT NULL,
    sku               TEXT          NOT NULL,
    quantity          INTEGER       NOT NULL CHECK (quantity > 0),
    received_quantity INTEGER       NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
    unit_cost         NUMERIC(14,4) NOT NULL,
    -- days the SKU's available stock lasted at its mean demand when the line was added (null: no demand)
    days_of_cover     DOUBLE PRECISION,
    PRIMARY KEY (purchase_order_id, position),
    UNIQUE (purchase_order_id, sku)
);

INSERT INTO purchase_order_lines (purchase_order_id, position, sku, quantity, received_quantity, unit_cost,
                                  days_of_cover)
SELECT id, 0, sku, quantity, received_quantity, unit_cost, days_of_cover FROM purchase_orders;

CREATE INDEX purchase_order_lines_sku_idx ON purchase_order_lines (sku);

-- One open suggestion per supplier and location collects every SKU to reorder from it; a SKU on an open order
-- is not suggested again (checked by the planner in the same transaction that adds the line).
DROP INDEX purchase_orders_one_suggestion_per_sku;
CREATE UNIQUE INDEX purchase_orders_one_suggestion_per_supplier ON purchase_orders (supplier_id, location)
    WHERE status = 'SUGGESTED';

ALTER TABLE purchase_orders
    DROP COLUMN sku,
    DROP COLUMN quantity,
    DROP COLUMN received_quantity,
    DROP COLUMN unit_cost;
