import { parentPort } from 'node:worker_threads';

/** An export thread that answers what it was posted: the type of `json` and its length. */
if (parentPort) {
  const port = parentPort;
  port.on('message', (message: { id: number; json: unknown; format: string }) => {
    const body = new TextEncoder().encode(
      JSON.stringify({
        type: typeof message.json,
        length: typeof message.json === 'string' ? message.json.length : null,
      }),
    );
    port.postMessage({ id: message.id, contentType: 'text/plain', fileName: 'x', body });
  });
}
