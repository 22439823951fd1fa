import { randomBytes, randomInt } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type {
  AgentTokenResponse,
  Device,
  DeviceKind,
  PairPollResponse,
  PairRequestResponse,
  UpdateDeviceRequest,
} from '../contract/admin';
import { DomainError } from '../domain/errors';
import type { Clock } from '../services/core/clock';
import type { CommandRunner } from '../services/core/command-runner';
import { iso } from '../services/queue/queue-views';
import type { DeviceRecord } from '../storage/device-repo';
import type { Repos } from '../storage/repos';
import type { AuditWho } from './audit-trail';
import { hashToken, newToken } from './tokens';
import { RateLimiter } from './rate-limiter';

/** How long a pairing code is shown, and how long an approved device has to collect its token. */
export const PAIRING_TTL_MS = 10 * 60 * 1000;

/** Pairing requests one IP may open per window, and how many may wait at once. */
export const PAIRING_RATE = { limit: 10, windowMs: 10 * 60 * 1000 } as const;
export const MAX_PENDING_REQUESTS = 100;

/** A device's `last_seen_at` is written at most this often. */
const TOUCH_EVERY_MS = 60 * 1000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,200}$/;

const DEFAULT_NAMES: Record<DeviceKind, string> = {
  kiosk: 'Kiosk',
  display: 'Màn hình',
  counter: 'Máy quầy',
};

/** A paired device as the API shows it. */
export function toDevice(record: DeviceRecord): Device {
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    pairedAt: new Date(record.pairedAt ?? record.createdAt).toISOString(),
    lastSeenAt: iso(record.lastSeenAt),
    counterId: record.kind === 'counter' ? record.counterId : null,
    serviceIds: record.kind === 'display' ? record.serviceIds : null,
    counterIds: record.kind === 'display' ? record.counterIds : null,
  };
}

/**
 * Pairing of kiosks, displays and counter terminals: a device shows a 6-digit
 * code, an admin approves it, the device collects a long token once. Only
 * hashes of the request id and the token are stored.
 */
export class DeviceService {
  private readonly requests: RateLimiter;

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    private readonly runner: CommandRunner,
  ) {
    this.requests = new RateLimiter(clock, PAIRING_RATE);
  }

  /** A device asks to be paired; it shows `code` and polls with the secret `requestId`. */
  requestPairing(
    kind: DeviceKind,
    name: string | undefined,
    ip: string | null,
    counterId?: number,
  ): PairRequestResponse {
    const now = this.clock.now();
    if (!this.requests.take(ip ?? '-'))
      throw new DomainError('rate_limited', 'Too many pairing requests');
    const requestId = randomBytes(24).toString('base64url');
    // The answers hold secrets shown once (the request id, the token): no command here
    // keeps an idempotency record.
    return this.runner.run({ scope: 'device:pair-request', request: null }, () => {
      this.repos.devices.deleteExpiredRequests(now);
      if (this.repos.devices.pendingCount() >= MAX_PENDING_REQUESTS) {
        throw new DomainError('rate_limited', 'Too many pending pairing requests');
      }
      if (counterId !== undefined) this.requireCounter(kind, counterId);
      const code = this.freshCode();
      const expiresAt = now + PAIRING_TTL_MS;
      this.repos.devices.insertRequest({
        kind,
        name: name ?? DEFAULT_NAMES[kind],
        pairingCode: code,
        pairingExpiresAt: expiresAt,
        requestHash: hashToken(requestId),
        requestedIp: ip,
        createdAt: now,
        counterId: counterId ?? null,
      });
      return {
        requestId,
        code,
        expiresAt: new Date(expiresAt).toISOString(),
        expiresInSeconds: PAIRING_TTL_MS / 1000,
      };
    }).value;
  }

  /**
   * Where a pairing request stands. Once approved, the first poll returns the
   * device token and the request is gone: a second poll answers `not_found`.
   */
  poll(requestId: string): PairPollResponse {
    const now = this.clock.now();
    const command = { scope: 'device:pair-poll', request: null };
    return this.runner.run(command, (): PairPollResponse => {
      const request = this.repos.devices.byRequestHash(hashToken(requestId));
      const expiresAt = request?.pairingExpiresAt ?? null;
      if (!request || expiresAt === null || expiresAt <= now) {
        throw new DomainError('not_found', 'No such pairing request');
      }
      if (request.pairedAt === null) {
        return {
          status: 'pending',
          code: request.pairingCode ?? '',
          expiresAt: new Date(expiresAt).toISOString(),
        };
      }
      const token = newToken();
      this.repos.devices.setToken(request.id, hashToken(token));
      this.repos.devices.touch(request.id, now);
      const device = this.repos.devices.get(request.id) as DeviceRecord;
      return { status: 'paired', device: toDevice(device), token };
    }).value;
  }

  /**
   * An admin approves the code a device shows and names the device; a counter screen is
   * bound to `counterId`, else to the counter it asked for.
   */
  approve(
    code: string,
    name: string,
    actor: AuditWho,
    idempotencyKey?: string,
    counterId?: number,
  ): Device {
    const now = this.clock.now();
    const scope = `device:pair:staff:${actor.staffId}`;
    const request = { code, name, counterId: counterId ?? null };
    return this.runner.run({ scope, idempotencyKey, request }, (context) => {
      const pending = this.repos.devices.pendingByCode(code, now);
      if (!pending) throw new DomainError('not_found', 'No device shows this code');
      if (counterId !== undefined) this.requireCounter(pending.kind, counterId);
      const boundTo = counterId ?? pending.counterId;
      this.repos.devices.approve(pending.id, name, boundTo, now, now + PAIRING_TTL_MS);
      context.audit('device.pair', actor, `device:${pending.id}`, {
        kind: pending.kind,
        name,
        requestedIp: pending.requestedIp,
        ...(boundTo !== null && { counterId: boundTo }),
      });
      return toDevice(this.repos.devices.get(pending.id) as DeviceRecord);
    }).value;
  }

  /**
   * An admin renames a paired device, binds a counter screen to its counter or sets a hall
   * display's filters. Fields that do not fit the device's kind, or ids that do not exist,
   * are refused (`validation_failed`); a change that changes nothing is not audited.
   */
  update(id: number, patch: UpdateDeviceRequest, actor: AuditWho, idempotencyKey?: string): Device {
    const scope = `device:update:staff:${actor.staffId}`;
    return this.runner.run({ scope, idempotencyKey, request: { id, patch } }, (context) => {
      const device = this.repos.devices.get(id);
      if (!device || device.tokenHash === null || device.revokedAt !== null) {
        throw new DomainError('not_found', `No paired device ${id}`);
      }
      if (patch.counterId !== undefined && device.kind !== 'counter') {
        throw new DomainError('validation_failed', 'Only a counter screen has a counter');
      }
      if (
        (patch.serviceIds !== undefined || patch.counterIds !== undefined) &&
        device.kind !== 'display'
      ) {
        throw new DomainError('validation_failed', 'Only a hall display has filters');
      }
      if (patch.counterId != null) this.requireCounter(device.kind, patch.counterId);
      const services = new Set(this.repos.services.listActive().map((s) => s.id));
      const counters = new Set(this.repos.counters.list().map((c) => c.id));
      const missing = (ids: number[] | null | undefined, known: Set<number>) =>
        (ids ?? []).filter((i) => !known.has(i));
      const unknown = [
        ...missing(patch.serviceIds, services).map((i) => `service ${i}`),
        ...missing(patch.counterIds, counters).map((i) => `counter ${i}`),
      ];
      if (unknown.length > 0) {
        throw new DomainError('validation_failed', `No such ${unknown.slice(0, 5).join(', ')}`);
      }
      const next = {
        name: patch.name ?? device.name,
        counterId: patch.counterId !== undefined ? patch.counterId : device.counterId,
        serviceIds: patch.serviceIds !== undefined ? patch.serviceIds : device.serviceIds,
        counterIds: patch.counterIds !== undefined ? patch.counterIds : device.counterIds,
      };
      const before = {
        name: device.name,
        counterId: device.counterId,
        serviceIds: device.serviceIds,
        counterIds: device.counterIds,
      };
      if (!isDeepStrictEqual(before, next)) {
        this.repos.devices.update(id, next);
        context.audit('device.update', actor, `device:${id}`, { kind: device.kind, ...patch });
      }
      return toDevice(this.repos.devices.get(id) as DeviceRecord);
    }).value;
  }

  /** Refuses a counter for anything but a counter screen, and a counter that does not exist. */
  private requireCounter(kind: DeviceKind, counterId: number): void {
    if (kind !== 'counter') {
      throw new DomainError('validation_failed', 'Only a counter screen has a counter');
    }
    if (!this.repos.counters.get(counterId)) {
      throw new DomainError('validation_failed', `No counter ${counterId}`);
    }
  }

  list(): Device[] {
    return this.repos.devices.listPaired().map(toDevice);
  }

  /** Revokes a device: its token stops working and its sockets are disconnected. */
  revoke(id: number, actor: AuditWho, idempotencyKey?: string): void {
    const scope = `device:revoke:staff:${actor.staffId}`;
    this.runner.run({ scope, idempotencyKey, request: { id } }, (context) => {
      const device = this.repos.devices.get(id);
      if (!device || !this.repos.devices.revoke(id, context.at)) {
        throw new DomainError('not_found', `No paired device ${id}`);
      }
      context.audit('device.revoke', actor, `device:${id}`, {
        kind: device.kind,
        name: device.name,
      });
      context.endAccess({ kind: 'device-revoked', deviceId: id });
      return null;
    });
  }

  /**
   * Issues a print-agent token for a paired kiosk, shown this once: the agent on the
   * kiosk's PC connects with it as that kiosk's print agent (and for nothing else). A new
   * one replaces the old, whose agents are disconnected.
   */
  issueAgentToken(id: number, actor: AuditWho): AgentTokenResponse {
    const token = newToken();
    const command = { scope: 'device:agent-token', request: null };
    const device = this.runner.run(command, (context) => {
      const device = this.repos.devices.get(id);
      if (!device || device.tokenHash === null || device.revokedAt !== null) {
        throw new DomainError('not_found', `No paired device ${id}`);
      }
      if (device.kind !== 'kiosk') {
        throw new DomainError('validation_failed', 'Only a kiosk has a print agent');
      }
      this.repos.devices.setAgentToken(id, hashToken(token));
      context.audit('device.agent_token', actor, `device:${id}`, { name: device.name });
      context.endAccess({ kind: 'agent-token-replaced', deviceId: id });
      return device;
    }).value;
    return { device: toDevice(device), token };
  }

  /** The paired, unrevoked kiosk whose print agent holds a token. */
  authenticateAgent(token: string): DeviceRecord | undefined {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    const device = this.repos.devices.byAgentTokenHash(hashToken(token));
    return device?.kind === 'kiosk' ? device : undefined;
  }

  /** The paired, unrevoked device a token belongs to. */
  authenticate(token: string): DeviceRecord | undefined {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    const device = this.repos.devices.byTokenHash(hashToken(token));
    if (!device) return undefined;
    const now = this.clock.now();
    if (device.lastSeenAt === null || now - device.lastSeenAt >= TOUCH_EVERY_MS) {
      const command = { scope: 'device:seen', request: null };
      this.runner.run(command, () => this.repos.devices.touch(device.id, now));
      return { ...device, lastSeenAt: now };
    }
    return device;
  }

  private freshCode(): string {
    for (let attempt = 0; attempt < 50; attempt++) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!this.repos.devices.codeInUse(code)) return code;
    }
    throw new DomainError('rate_limited', 'No free pairing code');
  }
}
