-- The day end's check inside every command (issue 13): which tickets of earlier days are
-- still open. Without this it walked every open ticket through tickets_waiting, a cost
-- that grew with the queue on each ticket issued. This partial index holds only open
-- tickets, by day, so the check reads just the stale ones (usually none). ticket-repo's
-- openBefore spells the same status list, which SQLite needs to use a partial index.
CREATE INDEX tickets_open_day ON tickets(day)
  WHERE status IN ('waiting', 'called', 'serving', 'parked');
