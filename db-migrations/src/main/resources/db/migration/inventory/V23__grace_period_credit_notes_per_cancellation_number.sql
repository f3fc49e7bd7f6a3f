-- What each credit note naming no order in the cut-over grace period asked back, per SKU and cancellation number.
-- Such a credit note gives back what it asks without an order to check it against; the same credit note sent again by
-- the storefront under another event id keeps its number, and gives back only what it asks beyond what it asked
-- before. Credit notes read before this table are not in it. No customer is kept: a credit note of a customer since
-- erased still finds its number.
CREATE TABLE grace_period_credit_note_numbers (
    cancellation_number TEXT    NOT NULL,
    sku                 TEXT    NOT NULL,
    units               INTEGER NOT NULL CHECK (units > 0),
    PRIMARY KEY (cancellation_number, sku)
);
