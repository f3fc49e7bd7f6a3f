-- Every money movement the store makes, one row each (specification 000 §2). Amounts are exact
-- decimals in an ISO 4217 currency; the source event id makes replays of commerce events harmless.
CREATE TABLE financial_transactions (
    id               UUID          PRIMARY KEY,
    transaction_type TEXT          NOT NULL
        CHECK (transaction_type IN ('revenue', 'refund', 'expense', 'adjustment')),
    amount           NUMERIC(14,2) NOT NULL CHECK (amount BETWEEN 0.01 AND 1000000.00),
    currency         CHAR(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    order_id         UUID,
    order_number     TEXT,
    customer_id      UUID,
    attributed_agent TEXT,
    department       TEXT,
    description      TEXT,
    metadata         JSONB         NOT NULL DEFAULT '{}'::jsonb,
    source_event_id  UUID          UNIQUE,
    occurred_at      TIMESTAMPTZ   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX financial_transactions_occurred_at_idx ON financial_transactions (occurred_at, id);
CREATE INDEX financial_transactions_type_occurred_at_idx ON financial_transactions (transaction_type, occurred_at);
CREATE INDEX financial_transactions_order_id_idx ON financial_transactions (order_id);
