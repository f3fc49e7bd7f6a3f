-- A service's erased customers, as the services that keep them hold them, for ErasedCustomerRecord's tests.
CREATE TABLE erased_customers (
    customer_id UUID        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL
);
