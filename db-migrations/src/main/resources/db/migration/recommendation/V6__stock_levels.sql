-- Each SKU's available units per warehouse as the inventory agent reports them on inventory.stock. Once it has
-- reported a SKU, the catalog's stock quantity is their sum: the inventory agent's count, moved by orders, is the
-- truth from then on, and the product feed's quantity only a new SKU's initial stock.
CREATE TABLE stock_levels (
    sku         TEXT        NOT NULL,
    location    TEXT        NOT NULL,
    available   INTEGER     NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sku, location)
);

CREATE INDEX products_sku_idx ON products (sku);
