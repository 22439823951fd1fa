import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token (session cookie, device or agent token): 256 random bits. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** sha256 of a session or device token: only this is stored. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
