import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { answerProbe, type ChildMessage } from './bench-child';

/**
 * Floor A of the queue bench: the least a server can do per ticket. A bare `node:http`
 * server that reads each `POST` body, parses it, inserts one row with better-sqlite3
 * (WAL, `synchronous=FULL`, one prepared statement, autocommit) and answers 201 with the
 * row's id as JSON. No routing, validation, idempotency, event feed or broadcast. Argument:
 * a data folder. Sends `{ type: 'ready', url }` once listening; `stop` closes it.
 */
const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: <data dir>');
const db = new Database(path.join(dataDir, 'floor.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS tickets (
  id INTEGER PRIMARY KEY, service_id INTEGER NOT NULL, idempotency_key TEXT, issued_at INTEGER NOT NULL)`);
const insert = db.prepare(
  'INSERT INTO tickets (service_id, idempotency_key, issued_at) VALUES (?, ?, ?)',
);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
      serviceId?: number;
    };
    const key = req.headers['idempotency-key'];
    const { lastInsertRowid } = insert.run(
      body.serviceId ?? 1,
      typeof key === 'string' ? key : null,
      Date.now(),
    );
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ticket: { id: Number(lastInsertRowid) } }));
  });
});
const send = (reply: ChildMessage) => void process.send?.(reply);
const stop = () => server.close(() => (db.close(), process.exit(0)));
process.on('disconnect', stop);
process.on('message', (message: ChildMessage) => {
  if (!answerProbe(message, send) && message.type === 'stop') stop();
});
server.listen(0, '127.0.0.1', () => {
  send({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
