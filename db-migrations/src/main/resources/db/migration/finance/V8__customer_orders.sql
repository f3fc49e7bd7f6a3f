-- A customer's order history is read from the ledger by customer, newest first (GET /api/v1/customers/{id}/orders).
CREATE INDEX financial_transactions_customer_idx ON financial_transactions (customer_id, occurred_at)
    WHERE customer_id IS NOT NULL;
