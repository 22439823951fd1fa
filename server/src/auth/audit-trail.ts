import type { AuditPage } from '../contract/admin';
import type { Repos } from '../storage/repos';

/** Every action the audit trail records. */
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.password_change'
  | 'staff.create'
  | 'staff.update'
  | 'staff.password_reset'
  | 'session.revoke'
  | 'device.pair'
  | 'device.revoke'
  | 'device.agent_token'
  | 'device.update'
  | 'centre.logo_update'
  | 'centre.logo_delete'
  | 'counter.force_sign_out'
  | 'printer.create'
  | 'printer.update'
  | 'printer.delete'
  | 'ticket.reprint'
  | 'settings.update'
  | 'backup.create'
  | 'service.create'
  | 'service.update'
  | 'service.delete'
  | 'service_group.create'
  | 'service_group.update'
  | 'service_group.delete'
  | 'counter.create'
  | 'counter.update'
  | 'counter.delete'
  | 'config.import'
  | 'services.import';

/** Who did it and from where. */
export interface AuditWho {
  staffId: number | null;
  username: string | null;
  ip: string | null;
}

/** Entries on a page of `GET /api/audit` when the request does not say (at most 200). */
export const AUDIT_PAGE_SIZE = 50;

/**
 * Reads the audit trail (who, what, when, from where). Rows are written by the commands
 * themselves (`CommandContext.audit`), in the transaction of the change they record.
 */
export class AuditTrail {
  constructor(private readonly repos: Repos) {}

  /** Newest first; `before` is the id of the last entry of the previous page. */
  page(limit: number = AUDIT_PAGE_SIZE, before?: number): AuditPage {
    const rows = this.repos.audit.list(limit + 1, before);
    const entries = rows
      .slice(0, limit)
      .map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
    const last = entries[entries.length - 1];
    return { entries, nextBefore: rows.length > limit && last ? last.id : null };
  }
}
