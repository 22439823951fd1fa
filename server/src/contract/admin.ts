import type { Role, StaffUser } from './entities';

/** Scheme of the `Authorization` header a paired device sends: `Authorization: Device <token>`. */
export const DEVICE_AUTH_SCHEME = 'Device';

/** What a paired device is for. */
export const DEVICE_KINDS = ['kiosk', 'display', 'counter'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** The `auth` a device passes in its Socket.IO handshake. */
export interface SocketHandshakeAuth {
  deviceToken?: string;
}

/** A staff account as an admin sees it. Never carries the password hash. */
export interface StaffAccount extends StaffUser {
  active: boolean;
  /** Sign-in is refused until then, after repeated failures. */
  lockedUntil: string | null;
  createdAt: string;
}

/** `POST /api/auth/change-password` */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** `POST /api/staff`; without `password` one is generated and must be changed at first sign-in. */
export interface CreateStaffRequest {
  username: string;
  displayName: string;
  role: Role;
  password?: string;
}

/** `POST /api/staff` → 201; `password` only when the server generated it (shown once). */
export interface CreateStaffResponse {
  user: StaffAccount;
  password?: string;
}

/** `PATCH /api/staff/:id`: at least one field. */
export interface UpdateStaffRequest {
  displayName?: string;
  role?: Role;
  active?: boolean;
}

/** `PATCH /api/staff/:id` */
export interface StaffAccountResponse {
  user: StaffAccount;
}

/** `POST /api/staff/:id/reset-password`: the new generated password, shown once. */
export interface ResetPasswordResponse {
  user: StaffAccount;
  password: string;
}

/** One live staff session, as `GET /api/sessions` lists it. */
export interface SessionInfo {
  id: number;
  staff: { id: number; username: string; displayName: string; role: Role };
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  /** The session this request was made with. */
  current: boolean;
}

/** A paired device. */
export interface Device {
  id: number;
  kind: DeviceKind;
  name: string;
  pairedAt: string;
  lastSeenAt: string | null;
  /** A counter screen's counter; null for other kinds. */
  counterId: number | null;
  /**
   * A hall display's filter: only these services' calls and queues (null: all). For
   * centres with one screen per wing.
   */
  serviceIds: number[] | null;
  /** A hall display's filter by counter (null: all). */
  counterIds: number[] | null;
}

/** One entry of `GET /api/devices` (admin): the device and whether it is online now. */
export interface ListedDevice extends Device {
  /**
   * A socket open now, or a request within the `monitor.deviceOfflineMinutes` setting
   * (2 by default), as the live monitor counts it.
   */
  online: boolean;
}

/** `PATCH /api/devices/:id` (admin): rename, bind a counter screen, filter a display. */
export interface UpdateDeviceRequest {
  name?: string;
  counterId?: number | null;
  serviceIds?: number[] | null;
  counterIds?: number[] | null;
}

/** `POST /api/devices/pair-requests` (the device asks to be paired) */
export interface PairRequestRequest {
  kind: DeviceKind;
  name?: string;
  /** A counter screen asks to be bound to the counter in its address. */
  counterId?: number;
}

/** `POST /api/devices/pair-requests` → 201: show `code`, keep `requestId` secret. */
export interface PairRequestResponse {
  requestId: string;
  code: string;
  expiresAt: string;
  /**
   * The code's lifetime from now, for a countdown that does not trust the device's clock
   * (a kiosk's clock may be wrong; `expiresAt` is the server's).
   */
  expiresInSeconds: number;
}

/** `GET /api/devices/pair-requests/:requestId`; the token comes exactly once. */
export type PairPollResponse =
  | { status: 'pending'; code: string; expiresAt: string }
  | { status: 'paired'; device: Device; token: string };

/** `POST /api/devices/pair` (an admin approves the code a device shows) */
export interface PairDeviceRequest {
  code: string;
  name: string;
  /** A counter screen's counter (default: the one it asked for). */
  counterId?: number;
}

/** `POST /api/devices/pair` */
export interface DeviceResponse {
  device: Device;
}

/** `POST /api/devices/:id/agent-token`: the kiosk's print-agent token, shown once. */
export interface AgentTokenResponse {
  device: Device;
  token: string;
}

/** One line of the audit trail. */
export interface AuditEntry {
  id: number;
  at: string;
  staffId: number | null;
  username: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** `GET /api/audit`: newest first; pass `nextBefore` as `before` for the next page. */
export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}
