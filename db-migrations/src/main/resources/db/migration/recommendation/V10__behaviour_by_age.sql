-- Views and cart additions older than the models' horizon are deleted in batches, oldest first; purchases stay for
-- good. Through the index of every interaction by age each batch would first pass over all the purchases older than
-- the horizon, more of them every year; this one holds only the rows the purge may delete.
CREATE INDEX interactions_behaviour_occurred_at_idx ON interactions (occurred_at) WHERE kind IN ('VIEW', 'CART');
