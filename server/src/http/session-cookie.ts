import type { Request, Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';
import { SESSION_COOKIE } from '../contract/http';

/** The session cookie's value on a request. */
export function sessionToken(req: Request): string | undefined {
  const header = req.get('cookie');
  return header ? parseCookies(header)[SESSION_COOKIE] : undefined;
}

/** The session cookie's value in a raw Cookie header (a Socket.IO handshake). */
export function sessionTokenOfHeader(header: string | undefined): string | undefined {
  return header ? parseCookies(header)[SESSION_COOKIE] : undefined;
}

/**
 * Sets the session cookie: httpOnly, SameSite=Strict, for the whole site. Its
 * lifetime is relative (Max-Age), so a device whose clock is off keeps it.
 */
export function setSessionCookie(
  res: Response,
  token: string,
  maxAgeMs: number,
  secure: boolean,
): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure,
      maxAge: Math.floor(maxAgeMs / 1000),
    }),
  );
}

/** Clears the session cookie. */
export function clearSessionCookie(res: Response): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/', maxAge: 0 }),
  );
}
