import { Algorithm, hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain/errors';

/** Shortest password accepted for a staff account. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * An argon2id hash (OWASP's recommended parameters: 19 MiB, 2 passes) of the
 * password in NFC, so "Mật khẩu" typed with a composing or a decomposing
 * Vietnamese keyboard is the same password.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), {
    algorithm: Algorithm.Argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
}

/** True when the password matches the stored hash; false for any malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  const normalized = password.normalize('NFC');
  try {
    if (await verify(storedHash, normalized)) return true;
    // Hashes made before passwords were normalized hold the text as it was typed.
    return normalized !== password && (await verify(storedHash, password));
  } catch {
    return false;
  }
}

/** Length of a password in characters as people count them (code points, NFC). */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

/**
 * Refuses a new password that is too short, is the username, or repeats the
 * current one, with `422 weak_password`.
 */
export function assertStrongPassword(
  password: string,
  context: { username: string; currentPassword?: string },
): void {
  const normalized = password.normalize('NFC');
  if (passwordLength(normalized) < MIN_PASSWORD_LENGTH) {
    throw new DomainError('weak_password', `At least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (normalized.toLowerCase() === context.username.toLowerCase()) {
    throw new DomainError('weak_password', 'The password may not be the username');
  }
  if (
    context.currentPassword !== undefined &&
    normalized === context.currentPassword.normalize('NFC')
  ) {
    throw new DomainError('weak_password', 'The new password repeats the current one');
  }
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of unambiguous letters and digits (about 95 bits at 16 characters). */
export function generatePassword(length = 16): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    const byte = bytes[i] as number;
    // Rejection sampling keeps every character equally likely.
    if (byte < 256 - (256 % ALPHABET.length)) out += ALPHABET[byte % ALPHABET.length];
  }
  return out.length === length ? out : generatePassword(length);
}
