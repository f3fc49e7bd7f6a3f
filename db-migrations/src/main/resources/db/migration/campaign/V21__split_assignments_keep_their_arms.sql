-- An assignment keeps the arm it gave: the steps of the journey that its branch alone led to when the split assigned
-- it (for a holdout branch, the end it leads to). An experiment's arms were worked out from the journey's definition
-- as it is when the results are read, so a definition changed after the split (a branch pointed elsewhere, so that
-- two arms' branches meet, or steps renamed) moved customers into another arm or out of every arm. Rows written
-- before have no arm_steps and are still read from the definition as it is.
ALTER TABLE split_assignments ADD COLUMN arm_steps TEXT[];
