-- Units ordered per SKU, warehouse and day: the history demand forecasts learn from. Ordered units, whether
-- shipped or backordered, because a stock-out hides demand that still happened.
CREATE TABLE daily_demand (
    sku       TEXT    NOT NULL,
    location  TEXT    NOT NULL,
    day       DATE    NOT NULL,
    units     INTEGER NOT NULL CHECK (units >= 0),
    PRIMARY KEY (sku, location, day)
);
