-- Visitor screens: the kiosk menu's groups, counter screens bound to their counter, hall
-- displays filtered to a wing, visitors' ratings and the centre's logo.

-- A field (lĩnh vực, parent_id NULL) or a procedure group (nhóm thủ tục) inside a field.
-- Only one level of nesting: a group's parent must itself be a field (checked by trigger).
CREATE TABLE service_groups (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES service_groups(id),
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX service_groups_parent ON service_groups(parent_id);

CREATE TRIGGER service_groups_depth_insert BEFORE INSERT ON service_groups
WHEN NEW.parent_id IS NOT NULL
  AND (SELECT parent_id FROM service_groups WHERE id = NEW.parent_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'service group nested more than one level');
END;

CREATE TRIGGER service_groups_depth_update BEFORE UPDATE OF parent_id ON service_groups
WHEN NEW.parent_id IS NOT NULL
  AND ((SELECT parent_id FROM service_groups WHERE id = NEW.parent_id) IS NOT NULL
    OR EXISTS (SELECT 1 FROM service_groups WHERE parent_id = NEW.id))
BEGIN
  SELECT RAISE(ABORT, 'service group nested more than one level');
END;

ALTER TABLE services ADD COLUMN group_id INTEGER REFERENCES service_groups(id);

-- A counter screen's counter; a hall display's filters (JSON arrays of ids, NULL: all).
ALTER TABLE devices ADD COLUMN counter_id INTEGER REFERENCES counters(id);
ALTER TABLE devices ADD COLUMN service_ids TEXT;
ALTER TABLE devices ADD COLUMN counter_ids TEXT;

-- One rating per ticket; who served it is copied so reports need no join through history.
CREATE TABLE ratings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
  service_id INTEGER NOT NULL REFERENCES services(id),
  counter_id INTEGER NOT NULL REFERENCES counters(id),
  staff_id INTEGER REFERENCES staff(id),
  level INTEGER NOT NULL CHECK (level >= 1 AND level <= 5),
  reasons TEXT NOT NULL DEFAULT '[]',
  comment TEXT,
  rated_at INTEGER NOT NULL
);
CREATE INDEX ratings_rated_at ON ratings(rated_at);
CREATE INDEX ratings_counter ON ratings(counter_id, rated_at);

-- The centre's logo for screen headers: at most one row.
CREATE TABLE centre_logo (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
  bytes BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
