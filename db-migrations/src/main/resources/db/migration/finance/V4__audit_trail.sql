-- Audit trail (specification 000 §5), written by a trigger so no code path can change a finance row
-- unrecorded. Tamper-evident: each entry carries sha256(previous entry's hash || its own content), so
-- editing, removing or reordering an entry breaks the chain from there on (GET /audit/verify).
-- sha256() is built into PostgreSQL 11+, so no pgcrypto extension is needed.

-- The head of the chain. Every audit insert locks this one row, which serialises entries so each has
-- exactly one predecessor; the lock is held to commit, the price of a well-defined chain.
CREATE TABLE audit_chain_head (
    id        BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
    last_seq  BIGINT  NOT NULL,
    last_hash BYTEA   NOT NULL
);

INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (true, 0, sha256(''::bytea));

CREATE TABLE audit_log (
    seq            BIGINT      PRIMARY KEY,
    id             UUID        NOT NULL UNIQUE,
    table_name     TEXT        NOT NULL,
    record_id      UUID        NOT NULL,
    action         TEXT        NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    user_id        TEXT,
    agent_id       TEXT,
    old_values     JSONB,
    new_values     JSONB,
    changed_fields TEXT[],
    occurred_at    TIMESTAMPTZ NOT NULL,
    previous_hash  BYTEA       NOT NULL,
    entry_hash     BYTEA       NOT NULL
);

CREATE INDEX audit_log_table_record_idx ON audit_log (table_name, record_id);
CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at);
CREATE INDEX audit_log_user_id_idx ON audit_log (user_id);
CREATE INDEX audit_log_agent_id_idx ON audit_log (agent_id);

-- The hashed content of an entry: a jsonb document (jsonb text is canonical: keys sorted, one spelling
-- per value) with the time in UTC, so the hash does not depend on the session's time zone.
CREATE FUNCTION audit_entry_hash(previous_hash BYTEA, entry audit_log) RETURNS BYTEA
    LANGUAGE sql STABLE
AS $$
SELECT sha256(previous_hash || convert_to(jsonb_build_object(
        'seq', entry.seq,
        'id', entry.id,
        'table_name', entry.table_name,
        'record_id', entry.record_id,
        'action', entry.action,
        'user_id', entry.user_id,
        'agent_id', entry.agent_id,
        'old_values', entry.old_values,
        'new_values', entry.new_values,
        'changed_fields', to_jsonb(entry.changed_fields),
        'occurred_at', to_char(entry.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'UTF8'))
$$;

-- The acting user and agent come from transaction-local settings the service sets
-- (set_config('agentfactory.user', ..., true)), so they cannot leak into another transaction.
CREATE FUNCTION audit_row_change() RETURNS TRIGGER
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
DECLARE
    head  audit_chain_head%ROWTYPE;
    entry audit_log%ROWTYPE;
BEGIN
    SELECT * INTO head FROM audit_chain_head WHERE id FOR UPDATE;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        entry.old_values := to_jsonb(OLD);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        entry.new_values := to_jsonb(NEW);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(n.key ORDER BY n.key) INTO entry.changed_fields
          FROM jsonb_each(entry.new_values) n
         WHERE n.value IS DISTINCT FROM entry.old_values -> n.key;
    END IF;
    entry.seq := head.last_seq + 1;
    entry.id := gen_random_uuid();
    entry.table_name := TG_TABLE_NAME;
    entry.record_id := coalesce(entry.new_values ->> 'id', entry.old_values ->> 'id')::uuid;
    entry.action := TG_OP;
    entry.user_id := nullif(current_setting('agentfactory.user', true), '');
    entry.agent_id := nullif(current_setting('agentfactory.agent', true), '');
    -- microseconds, as stored, so the hash recomputed from the stored row is the same
    entry.occurred_at := date_trunc('microseconds', clock_timestamp());
    entry.previous_hash := head.last_hash;
    entry.entry_hash := audit_entry_hash(head.last_hash, entry);
    INSERT INTO audit_log SELECT entry.*;
    UPDATE audit_chain_head SET last_seq = entry.seq, last_hash = entry.entry_hash WHERE id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER financial_transactions_audit AFTER INSERT OR UPDATE OR DELETE ON financial_transactions
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER budgets_audit AFTER INSERT OR UPDATE OR DELETE ON budgets
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER budget_reservations_audit AFTER INSERT OR UPDATE OR DELETE ON budget_reservations
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER budget_alerts_audit AFTER INSERT OR UPDATE OR DELETE ON budget_alerts
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
