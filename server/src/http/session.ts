import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';
import { SESSION_COOKIE } from '../contract/http';
import type { AuthService } from '../auth/auth-service';
import { DomainError } from '../domain/errors';
import type { Actor } from '../services/actor';
import type { StaffRecord } from '../storage/staff-repo';

/** The session cookie's value on a request. */
export function sessionToken(req: Request): string | undefined {
  const header = req.get('cookie');
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

/** The signed-in staff member of a request, set by `requireStaff`. */
export function staffOf(res: Response): StaffRecord {
  const staff = res.locals.staff as StaffRecord | undefined;
  if (!staff) throw new DomainError('unauthenticated', 'Not signed in');
  return staff;
}

/** The acting staff member, as the services take it. */
export function actorOf(res: Response): Actor {
  const staff = staffOf(res);
  return { staffId: staff.id, role: staff.role };
}

/** Lets the request through only with a live staff session; 401 otherwise. */
export function requireStaff(auth: AuthService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const staff = auth.authenticate(sessionToken(req));
    if (!staff) throw new DomainError('unauthenticated', 'Not signed in');
    res.locals.staff = staff;
    next();
  };
}
