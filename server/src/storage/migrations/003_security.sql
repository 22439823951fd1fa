-- Security: sessions get a stable id (admins list and revoke them) and remember where they
-- were opened; devices remember the secret of their pairing request and when they were seen.

CREATE TABLE sessions_next (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  ip TEXT,
  user_agent TEXT
);

INSERT INTO sessions_next (token_hash, staff_id, created_at, expires_at, revoked_at)
SELECT token_hash, staff_id, created_at, expires_at, revoked_at FROM sessions ORDER BY created_at;

DROP TABLE sessions;
ALTER TABLE sessions_next RENAME TO sessions;
CREATE INDEX sessions_staff ON sessions(staff_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

-- sha256 of the secret request id a device polls with while it waits for approval.
ALTER TABLE devices ADD COLUMN request_hash TEXT;
CREATE UNIQUE INDEX devices_request ON devices(request_hash);
ALTER TABLE devices ADD COLUMN requested_ip TEXT;
ALTER TABLE devices ADD COLUMN last_seen_at INTEGER;
