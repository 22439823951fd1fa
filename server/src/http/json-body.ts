import express, { type RequestHandler } from 'express';
import { DomainError } from '../domain/errors';

/** Largest JSON body, counted after decompression. */
export const MAX_JSON_BYTES = 16 * 1024;

/**
 * Deepest nesting of arrays and objects a JSON body may have. The deepest body any
 * endpoint takes (opening hours) is 4 levels; anything far deeper is an attack on the
 * recursive code that walks bodies (validation, NFC, hashing).
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether UTF-8 JSON text nests arrays and objects deeper than `max`. An iterative scan
 * of the bytes, so it cannot itself run out of stack; brackets inside strings do not
 * count. Malformed text is left for the parser to refuse.
 */
export function jsonDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const byte of bytes) {
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth -= 1;
    }
  }
  return false;
}

/** Runs between decoding and `JSON.parse`: the one place that sees the whole raw body. */
function checkRawBody(_req: unknown, _res: unknown, body: Buffer, charset: string): void {
  // JSON is UTF-8 on the wire (RFC 8259); the byte scan below relies on it.
  if (charset.toLowerCase() !== 'utf-8') {
    throw new DomainError('validation_failed', `Unsupported body charset ${charset.slice(0, 40)}`);
  }
  if (jsonDeeperThan(body, MAX_JSON_DEPTH)) {
    throw new DomainError('json_too_deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** True when the request body arrived compressed (`Content-Encoding` other than identity). */
function isCompressed(header: string | undefined): boolean {
  return header !== undefined && header.trim().toLowerCase() !== 'identity';
}

/**
 * Parses JSON bodies: at most 16 kB after decompression, UTF-8 only, nested at most
 * `MAX_JSON_DEPTH` levels, all checked before anything walks the parsed value. A body that
 * does not decompress is `invalid_body_encoding`; other parser failures keep their `type`
 * for the error handler to map.
 */
export function jsonBody(): RequestHandler {
  return jsonParser(MAX_JSON_BYTES, true);
}

/**
 * The same parser with a larger limit, for a route that takes a bigger document (a centre's
 * whole configuration) and parses it itself, after its permission, as a guard.
 */
export function largeJsonBody(limit: number): RequestHandler {
  return jsonParser(limit, false);
}

/** Paths whose JSON body the global parser leaves to the route's own `largeJsonBody`. */
export const OWN_JSON_BODY_PATHS: ReadonlySet<string> = new Set(['/api/config/import']);

function jsonParser(limit: number, leaveOwnBodies: boolean): RequestHandler {
  const parser = express.json({ limit, verify: checkRawBody });
  return (req, res, next) => {
    if (leaveOwnBodies && OWN_JSON_BODY_PATHS.has(req.path)) return next();
    parser(req, res, (error?: unknown) => {
      if (error === undefined || error === null) return next();
      // Every failure of the parser and of raw-body carries a `type`; a decompression stream's
      // error (zlib's Z_DATA_ERROR, a truncated stream, a bad brotli block) carries none.
      const typed = typeof (error as { type?: unknown }).type === 'string';
      if (!(error instanceof DomainError) && !typed && isCompressed(req.get('content-encoding'))) {
        return next(new DomainError('invalid_body_encoding', 'Body does not decompress'));
      }
      next(error);
    });
  };
}
