import type { DeviceKind } from '../contract/admin';
import type { Database } from './database';
import { tableCacheOf } from './table-cache';

/** A device as stored: a pending pairing request, an approved one, or a paired device. */
export interface DeviceRecord {
  id: number;
  kind: DeviceKind;
  name: string;
  pairingCode: string | null;
  pairingExpiresAt: number | null;
  requestHash: string | null;
  tokenHash: string | null;
  pairedAt: number | null;
  revokedAt: number | null;
  createdAt: number;
  requestedIp: string | null;
  lastSeenAt: number | null;
  /** A counter screen's counter (asked for while pairing, or set by an admin). */
  counterId: number | null;
  /** A hall display's filters; null: everything. */
  serviceIds: number[] | null;
  counterIds: number[] | null;
}

interface DeviceRow {
  id: number;
  kind: DeviceKind;
  name: string;
  pairing_code: string | null;
  pairing_expires_at: number | null;
  request_hash: string | null;
  token_hash: string | null;
  paired_at: number | null;
  revoked_at: number | null;
  created_at: number;
  requested_ip: string | null;
  last_seen_at: number | null;
  counter_id: number | null;
  service_ids: string | null;
  counter_ids: string | null;
}

/** A stored id list: a JSON array of positive integers, or null (anything else reads as null). */
function idList(json: string | null): number[] | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.every((id) => Number.isSafeInteger(id) && id > 0)
      ? (value as number[])
      : null;
  } catch {
    return null;
  }
}

const toRecord = (row: DeviceRow): DeviceRecord => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  pairingCode: row.pairing_code,
  pairingExpiresAt: row.pairing_expires_at,
  requestHash: row.request_hash,
  tokenHash: row.token_hash,
  pairedAt: row.paired_at,
  revokedAt: row.revoked_at,
  createdAt: row.created_at,
  requestedIp: row.requested_ip,
  lastSeenAt: row.last_seen_at,
  counterId: row.counter_id,
  serviceIds: idList(row.service_ids),
  counterIds: idList(row.counter_ids),
});

/** Kiosks, hall displays and counter terminals, and their pairing requests. */
export class DeviceRepo {
  constructor(private readonly db: Database) {}

  get(id: number): DeviceRecord | undefined {
    const row = this.db.get<DeviceRow>('SELECT * FROM devices WHERE id = ?', [id]);
    return row && toRecord(row);
  }

  /** Opens a pairing request; returns the new row's id. */
  insertRequest(request: {
    kind: DeviceKind;
    name: string;
    pairingCode: string;
    pairingExpiresAt: number;
    requestHash: string;
    requestedIp: string | null;
    createdAt: number;
    counterId?: number | null;
  }): number {
    return this.db.run(
      `INSERT INTO devices (kind, name, pairing_code, pairing_expires_at, request_hash,
         requested_ip, created_at, counter_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        request.kind,
        request.name,
        request.pairingCode,
        request.pairingExpiresAt,
        request.requestHash,
        request.requestedIp,
        request.createdAt,
        request.counterId ?? null,
      ],
    ).lastInsertRowid;
  }

  /** Forgets requests that expired before `now` without having delivered a token. */
  deleteExpiredRequests(now: number): void {
    this.db.run(
      'DELETE FROM devices WHERE token_hash IS NULL AND pairing_expires_at IS NOT NULL AND pairing_expires_at <= ?',
      [now],
    );
  }

  /** Requests still waiting for an admin. */
  pendingCount(): number {
    return (
      this.db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM devices WHERE pairing_code IS NOT NULL AND paired_at IS NULL',
      )?.n ?? 0
    );
  }

  /** Whether a pending request already shows this code. */
  codeInUse(code: string): boolean {
    return this.db.get('SELECT 1 FROM devices WHERE pairing_code = ?', [code]) !== undefined;
  }

  /** The pending, unexpired request showing `code`. */
  pendingByCode(code: string, now: number): DeviceRecord | undefined {
    const row = this.db.get<DeviceRow>(
      `SELECT * FROM devices WHERE pairing_code = ? AND paired_at IS NULL
       AND pairing_expires_at > ?`,
      [code, now],
    );
    return row && toRecord(row);
  }

  byRequestHash(requestHash: string): DeviceRecord | undefined {
    const row = this.db.get<DeviceRow>('SELECT * FROM devices WHERE request_hash = ?', [
      requestHash,
    ]);
    return row && toRecord(row);
  }

  /** Marks a request approved: the device may now collect its token until `claimUntil`. */
  approve(
    id: number,
    name: string,
    counterId: number | null,
    now: number,
    claimUntil: number,
  ): void {
    this.db.run(
      `UPDATE devices SET name = ?, counter_id = ?, paired_at = ?, pairing_code = NULL,
         pairing_expires_at = ? WHERE id = ?`,
      [name, counterId, now, claimUntil, id],
    );
  }

  /** An admin's change of a paired device's name, counter or display filters. */
  update(
    id: number,
    fields: {
      name: string;
      counterId: number | null;
      serviceIds: number[] | null;
      counterIds: number[] | null;
    },
  ): void {
    this.db.run(
      'UPDATE devices SET name = ?, counter_id = ?, service_ids = ?, counter_ids = ? WHERE id = ?',
      [
        fields.name,
        fields.counterId,
        fields.serviceIds && JSON.stringify(fields.serviceIds),
        fields.counterIds && JSON.stringify(fields.counterIds),
        id,
      ],
    );
  }

  /** Stores the hash of the token just handed out; the request can never be claimed again. */
  setToken(id: number, tokenHash: string): void {
    this.db.run(
      `UPDATE devices SET token_hash = ?, request_hash = NULL, pairing_expires_at = NULL
       WHERE id = ?`,
      [tokenHash, id],
    );
  }

  /** Stores the hash of a new print-agent token of a paired kiosk (the old one stops working). */
  setAgentToken(id: number, agentTokenHash: string): void {
    this.db.run('UPDATE devices SET agent_token_hash = ? WHERE id = ?', [agentTokenHash, id]);
  }

  /** The paired, unrevoked device whose print agent holds a token. */
  byAgentTokenHash(agentTokenHash: string): DeviceRecord | undefined {
    const row = this.db.get<DeviceRow>(
      `SELECT * FROM devices WHERE agent_token_hash = ? AND token_hash IS NOT NULL
       AND revoked_at IS NULL`,
      [agentTokenHash],
    );
    return row && toRecord(row);
  }

  /**
   * The paired, unrevoked device holding a token: every request of a kiosk or screen asks.
   * From the paired devices kept between requests (storage/table-cache.ts) until any device
   * changes — a revocation included, so a revoked token fails on its very next request.
   * Frozen, shared. An unknown token is a lookup in that map, never a query.
   */
  byTokenHash(tokenHash: string): DeviceRecord | undefined {
    return tableCacheOf(this.db)
      .read('devices:by-token', ['devices'], () => {
        const rows = this.db.all<DeviceRow>(
          'SELECT * FROM devices WHERE token_hash IS NOT NULL AND revoked_at IS NULL',
        );
        return new Map(rows.map((row) => [row.token_hash!, toRecord(row)]));
      })
      .get(tokenHash);
  }

  /** Paired devices that were not revoked, by id. */
  listPaired(): DeviceRecord[] {
    return this.db
      .all<DeviceRow>(
        'SELECT * FROM devices WHERE token_hash IS NOT NULL AND revoked_at IS NULL ORDER BY id',
      )
      .map(toRecord);
  }

  /** Revokes a paired device; false when there was none to revoke. */
  revoke(id: number, now: number): boolean {
    return (
      this.db.run(
        'UPDATE devices SET revoked_at = ? WHERE id = ? AND token_hash IS NOT NULL AND revoked_at IS NULL',
        [now, id],
      ).changes > 0
    );
  }

  touch(id: number, now: number): void {
    this.db.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [now, id]);
  }
}
