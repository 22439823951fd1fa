import { parentPort } from 'node:worker_threads';
import { loadFonts } from '../../../../printers';
import {
  errorToMessage,
  renderRequest,
  type EncodeReply,
  type EncodeRequest,
} from './escpos-thread-protocol';

/**
 * The body of the ESC/POS thread (see escpos-thread.ts): registers the ticket fonts once,
 * then renders each layout it is sent (ESC/POS, PNG or PDF) and posts the bytes back
 * (transferred, not copied). A font that cannot be loaded is reported once, and the main
 * thread stops using it.
 */
function serve(port: NonNullable<typeof parentPort>): void {
  try {
    loadFonts();
  } catch (error) {
    const reply: EncodeReply = { kind: 'broken', error: errorToMessage(error) };
    port.postMessage(reply);
    return;
  }
  port.on('message', (request: EncodeRequest) => void answer(port, request));
}

/** Renders one request and posts the bytes, or the error, back. */
async function answer(port: NonNullable<typeof parentPort>, request: EncodeRequest): Promise<void> {
  let reply: EncodeReply;
  try {
    const encoded = await renderRequest(request);
    // A small Buffer may share its memory with others: send a copy that owns its memory.
    const bytes =
      encoded.byteOffset === 0 && encoded.byteLength === encoded.buffer.byteLength
        ? encoded
        : encoded.slice();
    reply = { kind: 'encoded', id: request.id, bytes };
    port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    reply = { kind: 'failed', id: request.id, error: errorToMessage(error) };
    port.postMessage(reply);
  }
}

if (parentPort) serve(parentPort);
