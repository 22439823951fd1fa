import { Router } from 'express';
import type { SessionResponse } from '../../contract/http';
import { changePasswordSchema } from '../../contract/admin-schemas';
import { loginSchema } from '../../contract/schemas';
import { SESSION_TTL_MS, toStaffUser, type AuthService } from '../../auth/auth-service';
import { clientOf, requirePermission, sessionOf } from '../permission';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../session';
import { parse } from '../validation';

/** Staff sign-in, sign-out, who am I, and changing one's own password. */
export function authRoutes(auth: AuthService): Router {
  const router = Router();

  router.post('/auth/login', requirePermission('auth:sign-in'), async (req, res) => {
    const { username, password } = parse(loginSchema, req.body);
    const session = await auth.login(username, password, clientOf(req));
    setSessionCookie(res, session.token, SESSION_TTL_MS, req.secure);
    const body: SessionResponse = { user: session.user };
    res.json(body);
  });

  router.post('/auth/logout', requirePermission('auth:sign-in'), (req, res) => {
    // A clerk who signs out (and is signed in nowhere else) leaves the counter free.
    auth.logout(sessionToken(req), clientOf(req));
    clearSessionCookie(res);
    res.status(204).end();
  });

  router.get('/auth/me', requirePermission('session:read'), (_req, res) => {
    const body: SessionResponse = { user: toStaffUser(sessionOf(res).staff) };
    res.json(body);
  });

  router.post('/auth/change-password', requirePermission('password:change'), async (req, res) => {
    const { currentPassword, newPassword } = parse(changePasswordSchema, req.body);
    const user = await auth.changePassword(
      sessionOf(res),
      currentPassword,
      newPassword,
      clientOf(req),
    );
    const body: SessionResponse = { user };
    res.json(body);
  });

  return router;
}
