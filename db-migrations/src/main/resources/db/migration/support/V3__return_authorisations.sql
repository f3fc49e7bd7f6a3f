-- Order lines in the order read model, so a return can name what comes back and what it is worth; orders
-- announced before this migration have none and cannot be returned through the bot.
CREATE TABLE order_lines (
    order_id    UUID          NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    line_no     INT           NOT NULL,
    product_id  UUID          NOT NULL,
    sku         TEXT          NOT NULL,
    quantity    INT           NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(16,4) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no)
);

-- A return the store agreed to take back, with the refund it owes once the goods arrive.
CREATE TABLE return_authorisations (
    return_id        UUID          PRIMARY KEY,
    order_id         UUID          NOT NULL REFERENCES orders (order_id),
    order_number     TEXT          NOT NULL,
    customer_id      UUID,
    ticket_id        UUID,
    status           TEXT          NOT NULL CHECK (status IN ('AUTHORISED')),
    refund_amount    NUMERIC(16,4) NOT NULL CHECK (refund_amount >= 0),
    currency         CHAR(3)       NOT NULL,
    reason           TEXT,
    created_at       TIMESTAMPTZ   NOT NULL
);

CREATE INDEX return_authorisations_order_idx ON return_authorisations (order_id);
CREATE INDEX return_authorisations_customer_idx ON return_authorisations (customer_id);

CREATE TABLE return_authorisation_lines (
    return_id   UUID          NOT NULL REFERENCES return_authorisations (return_id) ON DELETE CASCADE,
    line_no     INT           NOT NULL,
    product_id  UUID          NOT NULL,
    sku         TEXT          NOT NULL,
    quantity    INT           NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(16,4) NOT NULL,
    refund      NUMERIC(16,4) NOT NULL,
    PRIMARY KEY (return_id, line_no)
);
