-- The queue rules of a real centre: more ticket states, counter states, service-day limits,
-- staff lockout, paired devices and the audit log.

CREATE TABLE tickets_next (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  service_id INTEGER NOT NULL REFERENCES services(id),
  day TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  number TEXT NOT NULL,
  priority_class TEXT,
  status TEXT NOT NULL CHECK (status IN
    ('waiting', 'called', 'serving', 'done', 'no_show', 'parked', 'cancelled', 'expired')),
  counter_id INTEGER REFERENCES counters(id),
  staff_id INTEGER REFERENCES staff(id),
  issued_at INTEGER NOT NULL,
  called_at INTEGER,
  serving_at INTEGER,
  finished_at INTEGER,
  recall_count INTEGER NOT NULL DEFAULT 0,
  tracking_token TEXT NOT NULL UNIQUE,
  -- Goes before others of its tier: transferred in, or back from parking.
  front INTEGER NOT NULL DEFAULT 0 CHECK (front IN (0, 1)),
  -- Only this counter may call it (a transfer to a named counter).
  target_counter_id INTEGER REFERENCES counters(id),
  original_service_id INTEGER NOT NULL REFERENCES services(id),
  transfer_count INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  close_reason TEXT,
  UNIQUE (service_id, day, number),
  UNIQUE (original_service_id, day, sequence)
);

INSERT INTO tickets_next (id, service_id, day, sequence, number, priority_class, status, counter_id,
  staff_id, issued_at, called_at, serving_at, finished_at, recall_count, tracking_token,
  original_service_id)
SELECT id, service_id, day, sequence, number, priority_class, status, counter_id, staff_id,
  issued_at, called_at, serving_at, finished_at, recall_count, tracking_token, service_id
FROM tickets;

DROP TABLE tickets;
ALTER TABLE tickets_next RENAME TO tickets;
CREATE INDEX tickets_waiting ON tickets(status, service_id, issued_at);
CREATE INDEX tickets_counter ON tickets(counter_id, status);
CREATE INDEX tickets_day ON tickets(day, status);

ALTER TABLE services ADD COLUMN daily_cap INTEGER CHECK (daily_cap IS NULL OR daily_cap > 0);
ALTER TABLE services ADD COLUMN cutoff_minutes INTEGER CHECK (cutoff_minutes IS NULL OR cutoff_minutes >= 0);

ALTER TABLE counters ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
  CHECK (status IN ('open', 'paused', 'closed'));
ALTER TABLE counters ADD COLUMN pause_reason TEXT;
ALTER TABLE counters ADD COLUMN status_since INTEGER;
ALTER TABLE counters ADD COLUMN auto_call INTEGER NOT NULL DEFAULT 0 CHECK (auto_call IN (0, 1));
-- Normal tickets called since the last priority one, for the interleave policy.
ALTER TABLE counters ADD COLUMN normal_streak INTEGER NOT NULL DEFAULT 0;

CREATE TABLE counter_pauses (
  id INTEGER PRIMARY KEY,
  counter_id INTEGER NOT NULL REFERENCES counters(id),
  staff_id INTEGER REFERENCES staff(id),
  reason TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX counter_pauses_counter ON counter_pauses(counter_id, started_at);

ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN locked_until INTEGER;

CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'counter')),
  name TEXT NOT NULL,
  pairing_code TEXT UNIQUE,
  pairing_expires_at INTEGER,
  token_hash TEXT UNIQUE,
  paired_at INTEGER,
  revoked_at INTEGER,
  created_at INTEGER NOT NULL
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  staff_id INTEGER REFERENCES staff(id),
  username TEXT,
  action TEXT NOT NULL,
  target TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  ip TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
