import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditEntry, AuditPage as AuditPageData } from '@luot/contract';
import { AUDIT_ACTIONS } from '../../../server/src/contract/audit-actions';
import { apiGet } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Field, Select, formatMoment, useAction } from '../form';

/** Entries fetched a page at a time (the server allows up to 200). */
const PAGE_SIZE = 100;

/** The filters as the inputs hold them; empty means "any". */
interface Filters {
  action: string;
  username: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { action: '', username: '', from: '', to: '' };

/** The query of `GET /api/audit` for a page of entries matching `filters`. */
function auditQuery(filters: Filters, before: number | null): string {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (before !== null) query.set('before', String(before));
  if (filters.action !== '') query.set('action', filters.action);
  if (filters.username.trim() !== '') query.set('username', filters.username.trim());
  if (filters.from !== '') query.set('from', filters.from);
  if (filters.to !== '') query.set('to', filters.to);
  return `/api/audit?${query.toString()}`;
}

/**
 * The audit trail, newest first, filtered by the server (action, who, days in the
 * centre's time zone), so paging goes through matching entries only.
 */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [form, setForm] = useState<Filters>(NO_FILTERS);
  // The filters of the entries shown: "more" pages on with these, not half-typed ones.
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const load = useAction();
  const { run } = load;

  const fetchPage = useCallback(
    (filters: Filters, before: number | null) =>
      run(async () => {
        const page = await apiGet<AuditPageData>(auditQuery(filters, before));
        setEntries((old) => (before === null ? page.entries : [...old, ...page.entries]));
        setNextBefore(page.nextBefore);
        setApplied(filters);
      }),
    [run],
  );

  useEffect(() => {
    void fetchPage(NO_FILTERS, null);
  }, [fetchPage]);

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    void fetchPage(form, null);
  };
  const set = (patch: Partial<Filters>) => setForm({ ...form, ...patch });

  return (
    <>
      <h2>{t('admin.audit.title')}</h2>
      <form
        noValidate
        className="field-grid audit-filters"
        onSubmit={onFilter}
        data-testid="audit-filters"
      >
        <Select
          label={t('admin.audit.filterAction')}
          testId="audit-action"
          value={form.action}
          onChange={(action) => set({ action })}
          options={[
            { value: '', label: t('admin.audit.allActions') },
            ...AUDIT_ACTIONS.map((a) => ({ value: a, label: a })),
          ]}
        />
        <Field
          label={t('admin.audit.filterUser')}
          testId="audit-user"
          maxLength={64}
          value={form.username}
          onChange={(username) => set({ username })}
        />
        <Field
          label={t('admin.audit.from')}
          testId="audit-from"
          type="date"
          value={form.from}
          onChange={(from) => set({ from })}
        />
        <Field
          label={t('admin.audit.to')}
          testId="audit-to"
          type="date"
          value={form.to}
          onChange={(to) => set({ to })}
        />
        <button type="submit" className="btn" data-testid="audit-apply" disabled={load.pending}>
          {t('admin.audit.apply')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="audit-refresh"
          disabled={load.pending}
          onClick={() => void fetchPage(applied, null)}
        >
          {t('admin.refresh')}
        </button>
      </form>
      <ErrorAlert error={load.error} testId="audit-error" />
      <p className="muted" data-testid="audit-count">
        {t('admin.audit.loaded', { loaded: entries.length })}
      </p>
      {entries.length === 0 && !load.pending && <p className="muted">{t('admin.audit.none')}</p>}
      {entries.length > 0 && (
        <table className="admin-table audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.at')}</th>
              <th scope="col">{t('admin.audit.user')}</th>
              <th scope="col">{t('admin.audit.action')}</th>
              <th scope="col">{t('admin.audit.target')}</th>
              <th scope="col">{t('admin.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid={`audit-${entry.id}`}>
                <td>{formatMoment(entry.at, lang)}</td>
                <td>{entry.username ?? t('admin.audit.system')}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.target}</td>
                <td className="audit-details">{JSON.stringify(entry.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore !== null && (
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="audit-more"
          disabled={load.pending}
          onClick={() => void fetchPage(applied, nextBefore)}
        >
          {t('admin.audit.more')}
        </button>
      )}
    </>
  );
}
