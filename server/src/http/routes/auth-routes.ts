import type { SessionResponse } from '../../contract/http';
import { changePasswordSchema } from '../../contract/admin-schemas';
import { loginSchema } from '../../contract/schemas';
import { SESSION_TTL_MS, toStaffUser, type AuthService } from '../../auth/auth-service';
import { clientOf, sessionOf } from '../permission';
import { route, type ApiRoute } from '../route-table';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../session';

/** Staff sign-in, sign-out, who am I, and changing one's own password. */
export function authRoutes(auth: AuthService): ApiRoute[] {
  return [
    route({
      method: 'POST',
      path: '/api/auth/login',
      permission: 'auth:sign-in',
      body: loginSchema,
      handler: async ({ req, res, body: { username, password } }) => {
        const session = await auth.login(username, password, clientOf(req));
        setSessionCookie(res, session.token, SESSION_TTL_MS, req.secure);
        const body: SessionResponse = { user: session.user };
        res.json(body);
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/logout',
      permission: 'auth:sign-in',
      handler: ({ req, res }) => {
        // A clerk who signs out (and is signed in nowhere else) leaves the counter free.
        auth.logout(sessionToken(req), clientOf(req));
        clearSessionCookie(res);
        res.status(204).end();
      },
    }),
    route({
      method: 'GET',
      path: '/api/auth/me',
      permission: 'session:read',
      handler: ({ res }) => {
        const body: SessionResponse = { user: toStaffUser(sessionOf(res).staff) };
        res.json(body);
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/change-password',
      permission: 'password:change',
      body: changePasswordSchema,
      handler: async ({ req, res, body: { currentPassword, newPassword } }) => {
        const user = await auth.changePassword(
          sessionOf(res),
          currentPassword,
          newPassword,
          clientOf(req),
        );
        const body: SessionResponse = { user };
        res.json(body);
      },
    }),
  ];
}
