import { parentPort } from 'node:worker_threads';

/** An export thread that answers what it was posted: the kind of `json` and its length. */
if (parentPort) {
  const port = parentPort;
  port.on('message', (message: { id: number; json: unknown; format: string }) => {
    const body = new TextEncoder().encode(
      JSON.stringify({
        type: message.json instanceof Uint8Array ? 'Uint8Array' : typeof message.json,
        length: message.json instanceof Uint8Array ? message.json.byteLength : null,
      }),
    );
    port.postMessage({ id: message.id, contentType: 'text/plain', fileName: 'x', body });
  });
}
