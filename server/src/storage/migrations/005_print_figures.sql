-- The figures a printed ticket shows (people ahead, estimated wait), frozen when the job
-- is queued: a retried print shows what the visitor saw at the kiosk, a reprint shows
-- the figures at the time of the reprint. NULL (jobs queued before this migration):
-- computed at print time.
ALTER TABLE print_jobs ADD COLUMN figures TEXT;
