-- Department budgets per fiscal month (specification 000 §2). committed is reserved but not yet spent;
-- the CHECK is the last line of defence against overspending, behind the service's row lock.
CREATE TABLE budgets (
    id                 UUID          PRIMARY KEY,
    department         TEXT          NOT NULL CHECK (department ~ '^[a-z0-9][a-z0-9_-]{0,99}$'),
    fiscal_period      CHAR(7)       NOT NULL CHECK (fiscal_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    currency           CHAR(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    allocated_amount   NUMERIC(14,2) NOT NULL CHECK (allocated_amount >= 0),
    committed_amount   NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (committed_amount >= 0),
    spent_amount       NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (spent_amount >= 0),
    warning_threshold  NUMERIC(4,3)  NOT NULL DEFAULT 0.800,
    critical_threshold NUMERIC(4,3)  NOT NULL DEFAULT 0.950,
    alerts_enabled     BOOLEAN       NOT NULL DEFAULT true,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT budgets_department_period_key UNIQUE (department, fiscal_period),
    CONSTRAINT budgets_never_overspent CHECK (committed_amount + spent_amount <= allocated_amount),
    CONSTRAINT budgets_thresholds_ordered
        CHECK (0 < warning_threshold AND warning_threshold < critical_threshold AND critical_threshold <= 1)
);

-- A budget check: money set aside for a purpose, then spent (committed) or given back (released).
CREATE TABLE budget_reservations (
    id             UUID          PRIMARY KEY,
    budget_id      UUID          NOT NULL REFERENCES budgets (id),
    amount         NUMERIC(14,2) NOT NULL CHECK (amount BETWEEN 0.01 AND 1000000.00),
    currency       CHAR(3)       NOT NULL,
    purpose        TEXT          NOT NULL,
    requested_by   TEXT          NOT NULL,
    status         TEXT          NOT NULL CHECK (status IN ('reserved', 'committed', 'released')),
    transaction_id UUID          REFERENCES financial_transactions (id),
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    resolved_at    TIMESTAMPTZ
);

CREATE INDEX budget_reservations_budget_id_idx ON budget_reservations (budget_id, status);

-- One row per threshold crossing, also published on finance.alerts through the outbox.
CREATE TABLE budget_alerts (
    id          UUID          PRIMARY KEY,
    budget_id   UUID          NOT NULL REFERENCES budgets (id),
    level       TEXT          NOT NULL CHECK (level IN ('warning', 'critical')),
    threshold   NUMERIC(4,3)  NOT NULL,
    utilisation NUMERIC(7,4)  NOT NULL,
    used_amount NUMERIC(14,2) NOT NULL,
    allocated_amount NUMERIC(14,2) NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX budget_alerts_budget_id_idx ON budget_alerts (budget_id, created_at);
