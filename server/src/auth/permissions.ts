import { ROLES, type Role } from '../contract/entities';

/** Who is asking: a staff role, or nobody signed in (paired devices count as anonymous here). */
export type Principal = Role | 'anonymous';

/** Every principal, least to most powerful; the permission walk test tries each. */
export const PRINCIPALS: readonly Principal[] = ['anonymous', ...ROLES];

const EVERYONE = ['anonymous', 'clerk', 'supervisor', 'admin'] as const;
const STAFF = ['clerk', 'supervisor', 'admin'] as const;
const SUPERVISORS = ['supervisor', 'admin'] as const;
const ADMINS = ['admin'] as const;

/**
 * Who may do what: the one table every route and socket event declares against
 * (each route's `permission` in the route table, http/routes/*-routes.ts;
 * `SOCKET_EVENT_PERMISSIONS` in realtime/socket-auth.ts). `anonymous` is anyone on
 * the LAN without a session: kiosks under the open policy, hall screens, visitors'
 * phones, unsigned devices.
 */
export const PERMISSIONS = {
  /** Services, counters, the state snapshot, one ticket, the socket feed. */
  'queue:read': EVERYONE,
  /** Take a ticket; the centre's kiosk policy applies on top (http/kiosk-access.ts). */
  'ticket:issue': EVERYONE,
  /**
   * A visitor rates a finished ticket at the counter screen; under the `paired` policy
   * only a paired counter screen of the ticket's counter (services/queue/ticket-rating.ts).
   */
  'ticket:rate': EVERYONE,
  /** The centre's logo for screen headers. */
  'centre:logo': EVERYONE,
  /** A visitor follows their own ticket by its token. */
  'ticket:track': EVERYONE,
  /** Sign in and sign out. */
  'auth:sign-in': EVERYONE,
  /** A kiosk or display asks to be paired and collects its token. */
  'device:pair-request': EVERYONE,
  /**
   * A paired device reads its own identity (`GET /api/devices/me`). Devices count as
   * anonymous here; the route also needs a device token (`requireDevice` in http/permission.ts).
   */
  'device:self': EVERYONE,
  /**
   * A print agent reports its jobs and printer state. Paired kiosks count as anonymous
   * here; the handler accepts only the kiosk that owns the job (realtime/print-agent-handler.ts).
   */
  'print:report': EVERYONE,
  /** Who am I (`GET /api/auth/me`). */
  'session:read': STAFF,
  /** Change one's own password. */
  'password:change': STAFF,
  /** Take a counter and call, serve, park, transfer at it. */
  'counter:operate': STAFF,
  /**
   * Handle a ticket away from the counter: return, re-queue, cancel, list, reprint, and
   * fetch its PNG/PDF (staff only: the QR code on it holds the tracking token).
   */
  'ticket:handle': STAFF,
  /** Act on counters other staff hold: force sign-out, pause, close. */
  'counter:manage-floor': SUPERVISORS,
  /** Print jobs and a printer's live status. */
  'printers:read': SUPERVISORS,
  'settings:read': SUPERVISORS,
  'settings:write': ADMINS,
  /** The whole catalogue, inactive entries included: services, kiosk menu groups, counters. */
  'catalogue:read': SUPERVISORS,
  /** Add, change and remove services, kiosk menu groups and counters. */
  'catalogue:write': ADMINS,
  'staff:manage': ADMINS,
  'sessions:manage': ADMINS,
  'devices:manage': ADMINS,
  /** Add, change and remove ticket printers. */
  'printers:manage': ADMINS,
  /** The live monitor's figures (`GET /api/monitor/today`). */
  'monitor:read': SUPERVISORS,
  /** Reports over any period, as JSON, CSV, XLSX or PDF (`GET /api/reports/summary`). */
  'reports:read': SUPERVISORS,
  'audit:read': ADMINS,
  /** The whole configuration as JSON (settings, catalogue, logo; no accounts, no secrets). */
  'config:export': SUPERVISORS,
  /** Load a configuration or a service catalogue file. */
  'config:import': ADMINS,
  /** Take a backup now, list and download backups. */
  'backups:manage': ADMINS,
} as const satisfies Record<string, readonly Principal[]>;

/** A named permission. */
export type Permission = keyof typeof PERMISSIONS;

/** True when the principal holds the permission. */
export function can(principal: Principal, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Principal[]).includes(principal);
}

/** Why a request or socket event is refused, or null when it may go on. */
export type Refusal = 'unauthenticated' | 'forbidden' | 'password_change_required';

/**
 * Judges a staff member (or nobody) against a permission: anonymous lacking it is
 * `unauthenticated` (401), staff lacking it `forbidden` (403), and staff whose
 * generated password must still be changed `password_change_required` (403) for
 * anything `allowedBeforePasswordChange` does not cover.
 */
export function refusal(
  staff: { role: Role; mustChangePassword: boolean } | null | undefined,
  permission: Permission,
): Refusal | null {
  if (!can(staff?.role ?? 'anonymous', permission)) return staff ? 'forbidden' : 'unauthenticated';
  if (staff?.mustChangePassword && !allowedBeforePasswordChange(permission)) {
    return 'password_change_required';
  }
  return null;
}

/**
 * What a signed-in user whose password must still be changed may do: what
 * anyone may, plus seeing who they are and changing the password.
 */
export function allowedBeforePasswordChange(permission: Permission): boolean {
  return (
    can('anonymous', permission) ||
    permission === 'session:read' ||
    permission === 'password:change'
  );
}
