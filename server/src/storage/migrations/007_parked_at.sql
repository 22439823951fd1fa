-- When a ticket was last parked (the visitor stepped away), so staff see how long it has
-- waited on the side. NULL: never parked.
ALTER TABLE tickets ADD COLUMN parked_at INTEGER;
