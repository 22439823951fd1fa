import type { IncomingMessage } from 'node:http';
import type { Server, Socket } from 'socket.io';
import type { AuthService } from '../auth/auth-service';
import { hashToken } from '../auth/tokens';
import type { DeviceService } from '../auth/device-service';
import { refusal, type Permission } from '../auth/permissions';
import type { DeviceKind, SocketHandshakeAuth } from '../contract/admin';
import type { Role } from '../contract/entities';
import type { ErrorCode } from '../contract/errors';
import type { ClientEvents, ServerEvents } from '../contract/events';
import { errorMessageKey, translate } from '../contract/i18n';
import { PRINT_AGENT_ROLE } from '../contract/printing';
import { sessionTokenOfHeader } from '../http/session-cookie';
import { isSameOrigin } from '../http/same-origin';
import { keepStaffRoom, ROOMS } from './rooms';

/**
 * The permission each client event needs, declared where events are registered
 * and checked for every incoming packet before any handler runs. An event not in
 * this table is refused, and a new entry in `ClientEvents` does not compile until
 * it is added here.
 */
export const SOCKET_EVENT_PERMISSIONS: { readonly [K in keyof ClientEvents]: Permission } = {
  sync: 'queue:read',
  'print-job:result': 'print:report',
};

/** Who a socket belongs to; the staff part is checked again on every packet. */
export interface SocketIdentity {
  staff: {
    staffId: number;
    sessionId: number;
    /** When the session ends, on the server clock. */
    expiresAt: number;
    tokenHash: string;
    role: Role;
    mustChangePassword: boolean;
  } | null;
  device: { id: number; kind: DeviceKind } | null;
  /**
   * Set for a kiosk's print agent: its place in the order agents connected to this process
   * (higher is newer), so a job goes to the newest agent of its kiosk.
   */
  printAgent: { order: number } | null;
}

type LuotServer = Server<ClientEvents, ServerEvents>;
type LuotSocket = Socket<ClientEvents, ServerEvents>;

/** The identity the handshake found for a socket. */
export function socketIdentity(socket: LuotSocket): SocketIdentity {
  return (
    (socket.data as { identity?: SocketIdentity }).identity ?? {
      staff: null,
      device: null,
      printAgent: null,
    }
  );
}

/** What socket authentication needs. */
export interface SocketAuthDeps {
  auth: AuthService;
  devices: DeviceService;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Socket.IO's `allowRequest`: refuses a handshake whose Origin is another host
 * (a page of another site opening a socket with the visitor's cookies). Without
 * Origin (not a browser) it passes. `X-Forwarded-Host` counts only from a proxy
 * on this machine, as for HTTP.
 */
export function allowSameOriginRequest(
  req: IncomingMessage,
  callback: (err: string | null | undefined, success: boolean) => void,
): void {
  const origin = req.headers.origin;
  if (origin === undefined) return callback(null, true);
  const forwarded = req.headers['x-forwarded-host'];
  const host =
    typeof forwarded === 'string' && LOOPBACK.has(req.socket.remoteAddress ?? '')
      ? forwarded.split(',')[0]?.trim()
      : req.headers.host;
  const allowed = isSameOrigin(origin, host);
  callback(allowed ? null : 'forbidden', allowed);
}

function failure(code: ErrorCode): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message: translate('vi', errorMessageKey(code)) } };
}

/** Joins the rooms an identity allows and leaves the staff rooms it no longer does. */
function applyRooms(socket: LuotSocket, identity: SocketIdentity): void {
  void socket.join(ROOMS.public);
  const { staff, device } = identity;
  if (staff) {
    void socket.join([ROOMS.staffMember(staff.staffId), ROOMS.session(staff.sessionId)]);
    if (staff.mustChangePassword) void socket.leave(ROOMS.staff);
    else void socket.join(ROOMS.staff);
  } else {
    for (const room of socket.rooms) {
      if (room === ROOMS.staff || room.startsWith('staff:') || room.startsWith('session:')) {
        void socket.leave(room);
      }
    }
  }
  if (device) void socket.join(ROOMS.device(device.id));
  if (device && identity.printAgent) void socket.join(ROOMS.printAgent(device.id));
}

/** Print agents that connected to this process so far (their `order`). */
let printAgentsConnected = 0;

/** The longest delay setTimeout takes. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Each staff socket's timer for the end of its session. */
const sessionEndTimers = new WeakMap<LuotSocket, NodeJS.Timeout>();

/** The socket carries on as anonymous: it leaves the staff rooms and forgets its session. */
function demote(socket: LuotSocket): void {
  clearTimeout(sessionEndTimers.get(socket));
  const identity = socketIdentity(socket);
  const next: SocketIdentity = { ...identity, staff: null };
  (socket.data as { identity?: SocketIdentity }).identity = next;
  applyRooms(socket, next);
}

/**
 * Demotes the socket when its session ends, as a sign-out would: a timer at the end
 * as the server clock sees it, re-armed if the clock disagrees when it fires.
 */
function armSessionEnd(socket: LuotSocket, auth: AuthService): void {
  clearTimeout(sessionEndTimers.get(socket));
  const staff = socketIdentity(socket).staff;
  if (!staff || socket.disconnected) return;
  const left = auth.timeLeft(staff.expiresAt);
  if (left <= 0) return demote(socket);
  const timer = setTimeout(() => armSessionEnd(socket, auth), Math.min(left, MAX_TIMER_MS));
  timer.unref();
  sessionEndTimers.set(socket, timer);
}

/**
 * Authenticates sockets and keeps them honest: staff by the session cookie of
 * the handshake, devices by `auth: { deviceToken }`, everyone else anonymous.
 * A bad device token refuses the connection (`unauthenticated`). `role: 'print-agent'`
 * beside the token marks a kiosk's print agent; for anything but a paired kiosk it
 * refuses the connection (`kiosk_not_paired`). Every incoming
 * event is checked against `SOCKET_EVENT_PERMISSIONS` with the session as it is
 * now; a refused event's ack gets `{ error }` and its handler never runs. Revoked
 * sessions, deactivated staff and revoked devices are disconnected; a signed-out
 * session's sockets carry on as anonymous, and so do an expired one's from the
 * instant it ends.
 */
export function installSocketAuth(io: LuotServer, deps: SocketAuthDeps): void {
  io.use((socket, next) => {
    const sessionToken = sessionTokenOfHeader(socket.handshake.headers.cookie);
    const live = deps.auth.session(sessionToken);
    const auth = socket.handshake.auth as (SocketHandshakeAuth & { role?: unknown }) | undefined;
    const deviceToken = auth?.deviceToken;
    const printAgent = auth?.role === PRINT_AGENT_ROLE;
    // A print agent shows its own agent token (or, as before agent tokens, the kiosk's).
    const device =
      deviceToken === undefined
        ? null
        : (typeof deviceToken === 'string' &&
            ((printAgent && deps.devices.authenticateAgent(deviceToken)) ||
              deps.devices.authenticate(deviceToken))) ||
          undefined;
    const refusedCode =
      device === undefined
        ? 'unauthenticated'
        : printAgent && device?.kind !== 'kiosk'
          ? 'kiosk_not_paired'
          : null;
    if (refusedCode) {
      const refused = failure(refusedCode).error;
      return next(Object.assign(new Error(refused.code), { data: refused }));
    }
    const identity: SocketIdentity = {
      staff:
        live && sessionToken
          ? {
              staffId: live.staff.id,
              sessionId: live.sessionId,
              expiresAt: live.expiresAt,
              tokenHash: hashToken(sessionToken),
              role: live.staff.role,
              mustChangePassword: live.staff.mustChangePassword,
            }
          : null,
      device: device ? { id: device.id, kind: device.kind } : null,
      printAgent: printAgent ? { order: ++printAgentsConnected } : null,
    };
    (socket.data as { identity?: SocketIdentity }).identity = identity;
    next();
  });

  // Anything emitted to the staff room first drops the sockets whose session has ended.
  keepStaffRoom(io, () => {
    for (const id of [...(io.sockets.adapter.rooms.get(ROOMS.staff) ?? [])]) {
      const socket = io.sockets.sockets.get(id);
      const staff = socket && socketIdentity(socket).staff;
      if (socket && staff && deps.auth.timeLeft(staff.expiresAt) <= 0) demote(socket);
    }
  });

  io.on('connection', (socket) => {
    applyRooms(socket, socketIdentity(socket));
    armSessionEnd(socket, deps.auth);
    socket.on('disconnect', () => clearTimeout(sessionEndTimers.get(socket)));
    socket.use((packet, next) => {
      const [event] = packet;
      const ack: unknown = packet[packet.length - 1];
      const identity = refresh(socket, deps.auth);
      const permission =
        typeof event === 'string' && Object.hasOwn(SOCKET_EVENT_PERMISSIONS, event)
          ? SOCKET_EVENT_PERMISSIONS[event as keyof ClientEvents]
          : undefined;
      const refused = permission ? refusal(identity.staff, permission) : 'forbidden';
      if (!refused) return next();
      if (typeof ack === 'function') (ack as (reply: unknown) => void)(failure(refused));
    });
  });
}

/** Re-reads the socket's session: a signed-out or expired one leaves it anonymous. */
function refresh(socket: LuotSocket, auth: AuthService): SocketIdentity {
  const identity = socketIdentity(socket);
  if (!identity.staff) return identity;
  const live = auth.sessionByHash(identity.staff.tokenHash);
  const next: SocketIdentity = {
    ...identity,
    staff: live
      ? {
          ...identity.staff,
          role: live.staff.role,
          mustChangePassword: live.staff.mustChangePassword,
        }
      : null,
  };
  (socket.data as { identity?: SocketIdentity }).identity = next;
  applyRooms(socket, next);
  if (!next.staff) clearTimeout(sessionEndTimers.get(socket));
  return next;
}
