-- Failed sign-ins of names that are no account, kept like an account's own count in
-- the staff row, so a restart does not tell the two apart (a locked account still
-- answers account_locked; a locked unknown name must too).
CREATE TABLE sign_in_failures (
  name TEXT PRIMARY KEY,
  failures INTEGER NOT NULL CHECK (failures >= 0),
  locked_until INTEGER,
  last_failure_at INTEGER NOT NULL
);
