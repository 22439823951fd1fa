-- What was promised at issue, kept with the ticket so reports judge each ticket by it:
-- the service's target wait in force when the ticket was issued (a target changed later
-- does not rewrite history), and the estimated wait the kiosk showed and the ticket
-- printed, so reports can show the estimator's own error. Null on tickets issued before
-- this migration: reports fall back to the service's current target and leave them out
-- of the estimator's figures.
ALTER TABLE tickets ADD COLUMN target_wait_minutes INTEGER;
ALTER TABLE tickets ADD COLUMN estimate_minutes INTEGER;
