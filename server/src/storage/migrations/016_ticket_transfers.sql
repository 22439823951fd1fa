-- Where a transferred ticket was before each transfer (issue 12's last gaps): a transfer puts
-- the ticket back in a queue and clears its call, counter and clerk, so without this the
-- reports could tell neither its first call (its wait is issue → first call) nor the first
-- counter's time with it (called → transferred, busy for that counter and clerk).
-- One row per transfer, written by the triggers below in the transfer's own transaction:
-- the ticket's call as it was, from the row before the update, and the transfer's time
-- from its feed event (`ticket:transferred`, written right after in the same transaction).
CREATE TABLE ticket_transfers (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  day TEXT NOT NULL,
  counter_id INTEGER,
  staff_id INTEGER,
  called_at INTEGER,
  -- Null until the feed event is written (or when none was: the busy time is then unknown).
  transferred_at INTEGER
);
CREATE INDEX ticket_transfers_day ON ticket_transfers(day);
CREATE INDEX ticket_transfers_ticket ON ticket_transfers(ticket_id);

CREATE TRIGGER ticket_transfers_record AFTER UPDATE OF transfer_count ON tickets
WHEN NEW.transfer_count > OLD.transfer_count BEGIN
  INSERT INTO ticket_transfers (ticket_id, day, counter_id, staff_id, called_at)
  VALUES (NEW.id, NEW.day, OLD.counter_id, OLD.staff_id, OLD.called_at);
END;

CREATE TRIGGER ticket_transfers_time AFTER INSERT ON events
WHEN NEW.type = 'ticket:transferred' BEGIN
  UPDATE ticket_transfers SET transferred_at = NEW.at
  WHERE ticket_id = json_extract(NEW.payload, '$.ticket.id') AND transferred_at IS NULL;
END;

-- A pack is rebuilt when a transfer of its day is recorded or changed.
CREATE TRIGGER report_days_transfer_insert AFTER INSERT ON ticket_transfers BEGIN
  DELETE FROM report_days WHERE day = NEW.day;
END;
CREATE TRIGGER report_days_transfer_update AFTER UPDATE ON ticket_transfers BEGIN
  DELETE FROM report_days WHERE day IN (OLD.day, NEW.day);
END;
CREATE TRIGGER report_days_transfer_delete AFTER DELETE ON ticket_transfers BEGIN
  DELETE FROM report_days WHERE day = OLD.day;
END;

-- Transfers made before this migration, from the feed: each `ticket:transferred` event of a
-- ticket, with the `ticket:called` event before it (its call time, counter and clerk).
CREATE TEMP TABLE moves AS
  SELECT e.seq, e.at, e.type,
    json_extract(e.payload, '$.ticket.id') AS ticket_id,
    json_extract(e.payload, '$.counter.id') AS counter_id,
    json_extract(e.payload, '$.counter.staff.id') AS staff_id
  FROM events e
  WHERE e.type IN ('ticket:called', 'ticket:transferred');
DELETE FROM moves WHERE ticket_id NOT IN (SELECT id FROM tickets WHERE transfer_count > 0);
CREATE INDEX temp.moves_ticket ON moves(ticket_id, seq);
CREATE INDEX temp.moves_seq ON moves(seq);
INSERT INTO ticket_transfers (ticket_id, day, counter_id, staff_id, called_at, transferred_at)
  SELECT m.ticket_id, t.day, c.counter_id, c.staff_id, c.at, m.at
  FROM moves m
  JOIN tickets t ON t.id = m.ticket_id
  LEFT JOIN moves c ON c.seq = (
    SELECT MAX(p.seq) FROM moves p
    WHERE p.ticket_id = m.ticket_id AND p.type = 'ticket:called' AND p.seq < m.seq)
  WHERE m.type = 'ticket:transferred'
  ORDER BY m.seq;
DROP TABLE temp.moves;
