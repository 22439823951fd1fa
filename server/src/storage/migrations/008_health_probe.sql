-- One row the health check rewrites, to prove the disk still takes a committed write.
CREATE TABLE health_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at INTEGER NOT NULL
);
