import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { answerProbe, type ChildMessage } from './bench-child';

/**
 * Floor B of the queue bench: a bare Socket.IO server (defaults, WebSocket) that, on
 * `POST /emit`, parses the JSON body and emits it as `ticket:called` to every socket, then
 * answers 204. The bench posts the payload a Luot screen received, so both carry the same
 * bytes. Nothing is stored or checked. Sends `{ type: 'ready', url }` once listening;
 * answers `memory`, `cpu`, `stop` like the Luot child.
 */
const server = http.createServer();
const io = new Server(server, { serveClient: false });
server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
  if (req.url?.startsWith('/socket.io')) return;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    io.emit('ticket:called', JSON.parse(Buffer.concat(chunks).toString('utf8')));
    res.writeHead(204).end();
  });
});
const send = (reply: ChildMessage) => void process.send?.(reply);
const stop = () => void io.close(() => process.exit(0));
process.on('disconnect', stop);
process.on('message', (message: ChildMessage) => {
  if (!answerProbe(message, send) && message.type === 'stop') stop();
});
server.listen(0, '127.0.0.1', () => {
  send({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
