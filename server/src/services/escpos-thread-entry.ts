import { parentPort } from 'node:worker_threads';
import { encodeTicket, loadFonts } from '../../../printers';
import { errorToMessage, type EncodeReply, type EncodeRequest } from './escpos-thread-protocol';

/**
 * The body of the ESC/POS thread (see escpos-thread.ts): registers the ticket fonts once,
 * then encodes each layout it is sent and posts the bytes back (transferred, not copied).
 * A font that cannot be loaded is reported once, and the main thread stops using it.
 */
function serve(port: NonNullable<typeof parentPort>): void {
  try {
    loadFonts();
  } catch (error) {
    const reply: EncodeReply = { kind: 'broken', error: errorToMessage(error) };
    port.postMessage(reply);
    return;
  }
  port.on('message', (request: EncodeRequest) => {
    let reply: EncodeReply;
    try {
      const encoded = encodeTicket(request.layout, request.options);
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
  });
}

if (parentPort) serve(parentPort);
