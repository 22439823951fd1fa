import { Router } from 'express';
import type { SessionResponse } from '../../contract/http';
import { loginSchema } from '../../contract/schemas';
import { SESSION_TTL_MS, toStaffUser, type AuthService } from '../../auth/auth-service';
import type { CounterService } from '../../services/counter-service';
import {
  clearSessionCookie,
  requireStaff,
  sessionToken,
  setSessionCookie,
  staffOf,
} from '../session';
import { parse } from '../validation';

/** Staff sign-in and sign-out. */
export function authRoutes(auth: AuthService, counters: CounterService): Router {
  const router = Router();

  router.post('/auth/login', async (req, res) => {
    const { username, password } = parse(loginSchema, req.body);
    const session = await auth.login(username, password);
    setSessionCookie(res, session.token, SESSION_TTL_MS, req.secure);
    const body: SessionResponse = { user: session.user };
    res.json(body);
  });

  router.post('/auth/logout', (req, res) => {
    const staff = auth.logout(sessionToken(req));
    // A clerk who signs out leaves their counter free for the next one.
    if (staff) counters.releaseAll(staff.id);
    clearSessionCookie(res);
    res.status(204).end();
  });

  router.get('/auth/me', requireStaff(auth), (_req, res) => {
    const body: SessionResponse = { user: toStaffUser(staffOf(res)) };
    res.json(body);
  });

  return router;
}
