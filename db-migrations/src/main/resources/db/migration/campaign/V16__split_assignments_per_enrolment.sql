-- A split's assignment belongs to one enrolment, not to the customer: a customer who enters a journey again (its
-- trigger's re_entry policy, or an enrolment by hand) is assigned again, and the experiment counts one unit per
-- enrolment in every arm (a send arm already has one send per enrolment), each measured from its own entry. Keyed
-- by customer, the second entry overwrote the first: the holdout arm counted one unit for two entries, a false
-- sample-ratio mismatch, and an order between the two entries fell in neither window.
ALTER TABLE split_assignments ADD COLUMN enrolment_id UUID;

-- The rows written before belong to the enrolment the customer was in when the split assigned them: the last one
-- they entered at or before it (a customer is in one journey once at a time). A row no enrolment matches stays
-- without one and is read by customer as before.
UPDATE split_assignments a
   SET enrolment_id = (SELECT e.id FROM journey_enrolments e
                        WHERE e.journey_id = a.journey_id AND e.customer_id = a.customer_id
                          AND e.entered_at <= a.assigned_at
                        ORDER BY e.entered_at DESC, e.id
                        LIMIT 1);

ALTER TABLE split_assignments DROP CONSTRAINT split_assignments_pkey;
CREATE UNIQUE INDEX split_assignments_enrolment_idx ON split_assignments (journey_id, step_id, enrolment_id);
-- the rows from before that found no enrolment keep the key they had
CREATE UNIQUE INDEX split_assignments_unmatched_idx ON split_assignments (journey_id, step_id, customer_id)
    WHERE enrolment_id IS NULL;
-- a stratified split finds the branch a customer was first given
CREATE INDEX split_assignments_customer_idx ON split_assignments (journey_id, step_id, customer_id, assigned_at);
