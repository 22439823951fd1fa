import type { AuditPage } from '../contract/admin';
import type { AUDIT_ACTIONS } from '../contract/audit-actions';
import { dayStart, nextDay } from '../domain/day-bounds';
import type { Repos } from '../storage/repos';

/** Every action the audit trail records (the list is the contract's `AUDIT_ACTIONS`). */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `GET /api/audit`'s filters: `from` and `to` are days (YYYY-MM-DD), both included. */
export interface AuditPageFilter {
  action?: AuditAction | undefined;
  staffId?: number | undefined;
  username?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

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
  constructor(
    private readonly repos: Repos,
    /** The centre's zone: `from` and `to` are days on its wall clock. */
    private readonly timeZone: () => string,
  ) {}

  /**
   * Newest first; `before` is the id of the last entry of the previous page. The filters
   * narrow it in SQL, so paging goes on through matching entries only.
   */
  page(limit: number = AUDIT_PAGE_SIZE, before?: number, filter: AuditPageFilter = {}): AuditPage {
    const { from, to, ...rest } = filter;
    const zone = this.timeZone();
    const rows = this.repos.audit.list(limit + 1, before, {
      ...rest,
      fromAt: from === undefined ? undefined : dayStart(from, zone),
      untilAt: to === undefined ? undefined : dayStart(nextDay(to), zone),
    });
    const entries = rows
      .slice(0, limit)
      .map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
    const last = entries[entries.length - 1];
    return { entries, nextBefore: rows.length > limit && last ? last.id : null };
  }
}
