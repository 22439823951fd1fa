-- The catalogue admins edit: a service's optional number range. Its tickets are numbered
-- prefix + n for n from range_from up to range_to (both NULL: prefix + daily sequence).
ALTER TABLE services ADD COLUMN range_from INTEGER
  CHECK (range_from IS NULL OR (range_from >= 1 AND range_from <= 999999));
ALTER TABLE services ADD COLUMN range_to INTEGER
  CHECK (range_to IS NULL OR (range_to >= 1 AND range_to <= 999999));
