import { parentPort } from 'node:worker_threads';

/**
 * A report thread that answers, as its report, what the main thread's live-request gauge
 * reads when the report arrives: whether one was posted and the count in it.
 */
if (parentPort) {
  const port = parentPort;
  port.on('message', (message: { id: number; live: unknown }) => {
    const live = message.live instanceof SharedArrayBuffer ? message.live : null;
    const json = new TextEncoder().encode(
      JSON.stringify({ shared: live !== null, running: live ? new Int32Array(live)[0] : null }),
    );
    port.postMessage({ id: message.id, json }, [json.buffer]);
  });
}
