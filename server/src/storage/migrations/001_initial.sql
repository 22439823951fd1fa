-- Luot's first schema. Times are epoch milliseconds (UTC); days are YYYY-MM-DD in the centre's zone.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  prefix TEXT NOT NULL,
  agency TEXT NOT NULL DEFAULT '',
  target_wait_minutes INTEGER NOT NULL DEFAULT 15,
  default_service_minutes REAL NOT NULL DEFAULT 5,
  sort_order INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX sessions_staff ON sessions(staff_id);

CREATE TABLE counters (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE CHECK (number > 0),
  name TEXT NOT NULL,
  staff_id INTEGER REFERENCES staff(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE counter_services (
  counter_id INTEGER NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES services(id),
  tier INTEGER NOT NULL DEFAULT 1 CHECK (tier > 0),
  PRIMARY KEY (counter_id, service_id)
);

-- The last number handed out per service and day; only ever goes up, so a number is never reused.
CREATE TABLE ticket_sequences (
  service_id INTEGER NOT NULL REFERENCES services(id),
  day TEXT NOT NULL,
  last_value INTEGER NOT NULL,
  PRIMARY KEY (service_id, day)
);

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  service_id INTEGER NOT NULL REFERENCES services(id),
  day TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  number TEXT NOT NULL,
  priority_class TEXT,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show')),
  counter_id INTEGER REFERENCES counters(id),
  staff_id INTEGER REFERENCES staff(id),
  issued_at INTEGER NOT NULL,
  called_at INTEGER,
  serving_at INTEGER,
  finished_at INTEGER,
  recall_count INTEGER NOT NULL DEFAULT 0,
  tracking_token TEXT NOT NULL UNIQUE,
  UNIQUE (service_id, day, number),
  UNIQUE (service_id, day, sequence)
);
CREATE INDEX tickets_waiting ON tickets(status, service_id, issued_at);
CREATE INDEX tickets_counter ON tickets(counter_id, status);

-- The event feed: one row per change, written in the same transaction as the change.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL
);

-- Results of idempotent commands, replayed when the same key comes again.
CREATE TABLE idempotency_keys (
  key TEXT NOT NULL,
  scope TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  response TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_created ON idempotency_keys(created_at);
