import fs from 'node:fs';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The largest logo side we accept, in pixels (it is scaled to 40 % of the paper). */
export const MAX_LOGO_SIDE = 4000;

/**
 * Reads the centre's logo for printed tickets (LUOT_TICKET_LOGO). A file that is missing,
 * not a PNG or of absurd size stops the start with a message naming the file: a logo set
 * by an installer must not silently vanish from every ticket.
 */
export function readTicketLogo(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new Error(`LUOT_TICKET_LOGO: cannot read ${file}: ${(error as Error).message}`);
  }
  // Signature, then the IHDR chunk: length, "IHDR", width, height (big-endian).
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error(`LUOT_TICKET_LOGO: ${file} is not a PNG image`);
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) {
    throw new Error(
      `LUOT_TICKET_LOGO: ${file} is ${width}×${height} pixels; use 1–${MAX_LOGO_SIDE} a side`,
    );
  }
  return new Uint8Array(bytes);
}
