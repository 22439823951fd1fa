import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AuditWho } from '../../auth/audit-trail';
import { DomainError } from '../../domain/errors';
import type { LogoRecord } from '../../storage/logo-repo';
import type { Repos } from '../../storage/repos';
import type { CommandRunner } from '../core/command-runner';
import type { SettingsService } from './settings-service';

/** Largest logo accepted: a header image, not a photo album. */
export const MAX_LOGO_BYTES = 512 * 1024;

/** The image types a logo may be, each known by its first bytes. */
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The image type the bytes really are (by their magic bytes), or null. */
export function sniffImage(bytes: Uint8Array): LogoType | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8));
  if (head.length >= 8 && head.equals(PNG_SIGNATURE)) return 'image/png';
  if (head.length >= 3 && head.subarray(0, 3).equals(JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}

/** Widest and tallest logo accepted, in pixels: a kiosk browser decodes it whole. */
export const MAX_LOGO_PIXELS = 4096;

/** JPEG markers that start a frame (SOF0–SOF15 but DHT, JPG and DAC) and carry its size. */
const JPEG_FRAME_MARKERS = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

/**
 * The width and height an image declares, read from its header without decoding it: a
 * PNG's first chunk (IHDR), a JPEG's frame header (SOF). Null when the header is missing,
 * truncated or says 0 pixels either way.
 */
export function imageSize(
  bytes: Uint8Array,
  type: LogoType,
): { width: number; height: number } | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = (width: number, height: number) =>
    width > 0 && height > 0 ? { width, height } : null;
  if (type === 'image/png') {
    // Signature (8), then the IHDR chunk: length 13, type, width, height (big-endian).
    if (data.length < 24 || data.readUInt32BE(8) !== 13) return null;
    if (data.toString('latin1', 12, 16) !== 'IHDR') return null;
    return size(data.readUInt32BE(16), data.readUInt32BE(20));
  }
  // JPEG: after SOI, segments of 0xFF <marker> <length (2, itself included)> <data>.
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // a fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers with no segment
      continue;
    }
    // The image data (SOS) or its end (EOI) before any frame header: no size.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = data.readUInt16BE(at + 2);
    if (length < 2) return null;
    if (JPEG_FRAME_MARKERS.has(marker)) {
      // Precision (1), height (2), width (2).
      if (length < 7 || at + 9 > data.length) return null;
      return size(data.readUInt16BE(at + 7), data.readUInt16BE(at + 5));
    }
    at += 2 + length;
  }
  return null;
}

/**
 * The centre's logo for screen headers: stored in the database (one row), served at a
 * URL that changes with it, so screens cache it for good. Changing it is audited and
 * announced with `centre:updated` (whose `logoUrl` changed) in the same transaction.
 */
export class CentreLogo {
  constructor(
    private readonly repos: Repos,
    private readonly runner: CommandRunner,
    private readonly settings: SettingsService,
  ) {}

  get(): LogoRecord | undefined {
    return this.repos.logo.get();
  }

  /**
   * Stores a logo: PNG or JPEG as declared and as its first bytes say, whose header gives
   * a size of at most `MAX_LOGO_PIXELS` either way (422 `invalid_image` otherwise), at most
   * `MAX_LOGO_BYTES` (413 `payload_too_large`).
   * The same image again changes nothing.
   */
  put(bytes: Uint8Array, declared: string | undefined, who: AuditWho): string | null {
    if (bytes.byteLength > MAX_LOGO_BYTES) {
      throw new DomainError('payload_too_large', `A logo is at most ${MAX_LOGO_BYTES} bytes`);
    }
    const type = sniffImage(bytes);
    if (type === null || type !== declared) {
      throw new DomainError('invalid_image', 'Not a PNG or JPEG image of the declared type');
    }
    const size = imageSize(bytes, type);
    if (size === null) {
      throw new DomainError('invalid_image', 'The image header gives no size');
    }
    if (size.width > MAX_LOGO_PIXELS || size.height > MAX_LOGO_PIXELS) {
      throw new DomainError(
        'invalid_image',
        `A logo is at most ${MAX_LOGO_PIXELS}×${MAX_LOGO_PIXELS} pixels, not ${size.width}×${size.height}`,
      );
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const command = { scope: 'centre:logo', request: null };
    return this.runner.run(command, (context) => {
      if (this.repos.logo.sha256() === sha256) return this.settings.centreInfo().logoUrl;
      this.repos.logo.put({
        contentType: type,
        bytes: Buffer.from(bytes),
        sha256,
        updatedAt: context.at,
      });
      context.audit('centre.logo_update', who, 'centre:logo', {
        contentType: type,
        bytes: bytes.byteLength,
        sha256,
      });
      const centre = this.settings.centreInfo();
      context.emit('centre:updated', { centre });
      return centre.logoUrl;
    }).value;
  }

  /** Removes the logo; 404 `not_found` when there is none. */
  remove(who: AuditWho): void {
    this.runner.run({ scope: 'centre:logo', request: null }, (context) => {
      if (!this.repos.logo.delete()) throw new DomainError('not_found', 'No logo is set');
      context.audit('centre.logo_delete', who, 'centre:logo');
      context.emit('centre:updated', { centre: this.settings.centreInfo() });
      return null;
    });
  }

  /**
   * Seeds the logo from a file given at start (`LUOT_CENTRE_LOGO`) when none is stored;
   * false when one already was. Refuses the file as an admin's upload would be.
   */
  seed(bytes: Uint8Array): boolean {
    if (this.repos.logo.sha256() !== null) return false;
    const type = sniffImage(bytes);
    if (type === null) throw new Error('LUOT_CENTRE_LOGO is not a PNG or JPEG image');
    this.put(bytes, type, { staffId: null, username: null, ip: null });
    return true;
  }
}

/** Reads the file `LUOT_CENTRE_LOGO` names; a clear error when it is missing or too big. */
export function readCentreLogo(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new Error(`LUOT_CENTRE_LOGO cannot be read: ${file}`, { cause: error });
  }
  if (bytes.byteLength > MAX_LOGO_BYTES) {
    throw new Error(`LUOT_CENTRE_LOGO is larger than ${MAX_LOGO_BYTES} bytes: ${file}`);
  }
  return bytes;
}
