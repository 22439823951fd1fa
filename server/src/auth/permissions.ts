import type { Role } from '../contract/entities';

/**
 * Who may do what: the one table every route and socket handler consults.
 * `anonymous` is anyone on the LAN without a session (kiosks under the open
 * policy, hall screens, visitors' phones); staff roles are cumulative only where
 * listed.
 */
export const PERMISSIONS = {
  'queue:read': ['anonymous', 'clerk', 'supervisor', 'admin'],
  'ticket:issue': ['anonymous', 'clerk', 'supervisor', 'admin'],
  'ticket:track': ['anonymous', 'clerk', 'supervisor', 'admin'],
  'session:read': ['clerk', 'supervisor', 'admin'],
  'counter:operate': ['clerk', 'supervisor', 'admin'],
  'counter:manage-floor': ['supervisor', 'admin'],
  'settings:read': ['supervisor', 'admin'],
  'settings:write': ['admin'],
  'staff:manage': ['admin'],
  'sessions:revoke': ['admin'],
  'devices:manage': ['admin'],
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly (Role | 'anonymous')[]>;

/** A named permission. */
export type Permission = keyof typeof PERMISSIONS;

/** Who is asking: a staff role, or nobody signed in. */
export type Principal = Role | 'anonymous';

/** True when the principal holds the permission. */
export function can(principal: Principal, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Principal[]).includes(principal);
}
