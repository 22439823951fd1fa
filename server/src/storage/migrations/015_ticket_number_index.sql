-- The issue path's two number checks, each a short index search instead of a walk over the
-- day's tickets (issue 13: issuing must not slow down as the queue grows):
-- whether a number is taken today (any service), and the highest number a service issued
-- today, read from the top of its numbers ordered by length and then text (the digits are
-- zero-padded to three, so a longer number is a higher one).
CREATE INDEX tickets_day_number ON tickets(day, number);
CREATE INDEX tickets_service_day_number ON tickets(original_service_id, day, length(number), number);
