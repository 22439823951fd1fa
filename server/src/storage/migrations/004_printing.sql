-- Printing: the ticket printers a centre has and the durable print queue.

CREATE TABLE printers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  -- tcp://HOST[:PORT] | file:PATH | serial:PATH[?baud=N] | spool:FOLDER | agent
  target TEXT NOT NULL,
  -- EscPosOptions subset as JSON: width, mode, qr, charset, codeTable.
  options TEXT NOT NULL DEFAULT '{}',
  -- The paired kiosk this printer serves (always, for target 'agent').
  device_id INTEGER REFERENCES devices(id),
  -- Prints for kiosks without a printer of their own (at most one active default).
  is_default INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  last_status TEXT,
  last_status_at INTEGER,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX printers_device ON printers(device_id);

CREATE TABLE print_jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  printer_id INTEGER NOT NULL REFERENCES printers(id),
  status TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'done', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  next_attempt_at INTEGER
);
CREATE INDEX print_jobs_printer_status ON print_jobs(printer_id, status, next_attempt_at);
CREATE INDEX print_jobs_status ON print_jobs(status, id);
CREATE INDEX print_jobs_ticket ON print_jobs(ticket_id);
