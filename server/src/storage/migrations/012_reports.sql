-- Reports (issue 12): who held which counter when, and a packed daily rollup of closed days.

-- A clerk holding a counter, from taking it to releasing it: the clerks' idle time.
CREATE TABLE counter_shifts (
  id INTEGER PRIMARY KEY,
  counter_id INTEGER NOT NULL REFERENCES counters(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  started_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX counter_shifts_started ON counter_shifts(started_at);
CREATE INDEX counter_shifts_open ON counter_shifts(counter_id, ended_at);
CREATE INDEX counter_pauses_started ON counter_pauses(started_at);

-- One row per closed service day: every ticket of the day as a fixed-width record (`facts`),
-- its rating reasons, pauses and shifts (`extras`, JSON). Rebuilt idempotently from the
-- tables below; the triggers delete a row as soon as anything it was built from changes.
CREATE TABLE report_days (
  day TEXT PRIMARY KEY,
  time_zone TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL,
  built_at INTEGER NOT NULL,
  tickets INTEGER NOT NULL,
  facts BLOB NOT NULL,
  extras TEXT NOT NULL,
  format INTEGER NOT NULL
);

-- Bumped by every change of a pause or a shift, so a pack builder can tell its copy is stale.
CREATE TABLE report_meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO report_meta (key, value) VALUES ('intervals', 0);

CREATE TRIGGER report_days_ticket_insert AFTER INSERT ON tickets BEGIN
  DELETE FROM report_days WHERE day = NEW.day;
END;
CREATE TRIGGER report_days_ticket_update AFTER UPDATE ON tickets BEGIN
  DELETE FROM report_days WHERE day IN (OLD.day, NEW.day);
END;
CREATE TRIGGER report_days_ticket_delete AFTER DELETE ON tickets BEGIN
  DELETE FROM report_days WHERE day = OLD.day;
END;

CREATE TRIGGER report_days_rating_insert AFTER INSERT ON ratings BEGIN
  DELETE FROM report_days WHERE day = (SELECT day FROM tickets WHERE id = NEW.ticket_id);
END;
CREATE TRIGGER report_days_rating_update AFTER UPDATE ON ratings BEGIN
  DELETE FROM report_days WHERE day IN
    (SELECT day FROM tickets WHERE id IN (OLD.ticket_id, NEW.ticket_id));
END;
CREATE TRIGGER report_days_rating_delete AFTER DELETE ON ratings BEGIN
  DELETE FROM report_days WHERE day = (SELECT day FROM tickets WHERE id = OLD.ticket_id);
END;

CREATE TRIGGER report_days_pause_insert AFTER INSERT ON counter_pauses BEGIN
  DELETE FROM report_days
  WHERE start_ms < COALESCE(NEW.ended_at, 9007199254740991) AND end_ms > NEW.started_at;
  UPDATE report_meta SET value = value + 1 WHERE key = 'intervals';
END;
CREATE TRIGGER report_days_pause_update AFTER UPDATE ON counter_pauses BEGIN
  DELETE FROM report_days
  WHERE (start_ms < COALESCE(NEW.ended_at, 9007199254740991) AND end_ms > NEW.started_at)
     OR (start_ms < COALESCE(OLD.ended_at, 9007199254740991) AND end_ms > OLD.started_at);
  UPDATE report_meta SET value = value + 1 WHERE key = 'intervals';
END;
CREATE TRIGGER report_days_pause_delete AFTER DELETE ON counter_pauses BEGIN
  DELETE FROM report_days
  WHERE start_ms < COALESCE(OLD.ended_at, 9007199254740991) AND end_ms > OLD.started_at;
  UPDATE report_meta SET value = value + 1 WHERE key = 'intervals';
END;

CREATE TRIGGER report_days_shift_insert AFTER INSERT ON counter_shifts BEGIN
  DELETE FROM report_days
  WHERE start_ms < COALESCE(NEW.ended_at, 9007199254740991) AND end_ms > NEW.started_at;
  UPDATE report_meta SET value = value + 1 WHERE key = 'intervals';
END;
CREATE TRIGGER report_days_shift_update AFTER UPDATE ON counter_shifts BEGIN
  DELETE FROM report_days
  WHERE (start_ms < COALESCE(NEW.ended_at, 9007199254740991) AND end_ms > NEW.started_at)
     OR (start_ms < COALESCE(OLD.ended_at, 9007199254740991) AND end_ms > OLD.started_at);
  UPDATE report_meta SET value = value + 1 WHERE key = 'intervals';
END;
CREATE TRIGGER report_days_shift_delete AFTER DELETE ON counter_shifts BEGIN
  DELETE FROM report_days
  WHERE start_ms < COALESCE(OLD.ended_at, 9007199254740991) AND end_ms > OLD.started_at;
  UPDATE report_meta SET value = value + 1 WHERE key = 'intervals';
END;
