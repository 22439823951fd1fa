import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditEntry, AuditPage as AuditPageData } from '@luot/contract';
import { apiGet } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Field, Select, formatMoment, useAction } from '../form';

/** Entries fetched a page at a time (the server allows up to 200). */
const PAGE_SIZE = 100;

/** The audit trail, newest first, filtered by action and by who did it. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [action, setAction] = useState('');
  const [user, setUser] = useState('');
  const load = useAction();
  const { run } = load;

  const fetchPage = useCallback(
    (before: number | null) =>
      run(async () => {
        const query = before === null ? '' : `&before=${before}`;
        const page = await apiGet<AuditPageData>(`/api/audit?limit=${PAGE_SIZE}${query}`);
        setEntries((old) => (before === null ? page.entries : [...old, ...page.entries]));
        setNextBefore(page.nextBefore);
      }),
    [run],
  );

  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);

  const actions = useMemo(() => [...new Set(entries.map((e) => e.action))].sort(), [entries]);
  const needle = user.trim().toLocaleLowerCase();
  const shown = entries.filter(
    (e) =>
      (action === '' || e.action === action) &&
      (needle === '' || (e.username ?? '').toLocaleLowerCase().includes(needle)),
  );

  return (
    <>
      <h2>{t('admin.audit.title')}</h2>
      <div className="field-grid audit-filters">
        <Select
          label={t('admin.audit.filterAction')}
          testId="audit-action"
          value={action}
          onChange={setAction}
          options={[
            { value: '', label: t('admin.audit.allActions') },
            ...actions.map((a) => ({ value: a, label: a })),
          ]}
        />
        <Field
          label={t('admin.audit.filterUser')}
          testId="audit-user"
          maxLength={64}
          value={user}
          onChange={setUser}
        />
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="audit-refresh"
          disabled={load.pending}
          onClick={() => void fetchPage(null)}
        >
          {t('admin.refresh')}
        </button>
      </div>
      <ErrorAlert error={load.error} testId="audit-error" />
      <p className="muted" data-testid="audit-count">
        {t('admin.audit.shown', { shown: shown.length, loaded: entries.length })}
      </p>
      {shown.length === 0 && !load.pending && <p className="muted">{t('admin.audit.none')}</p>}
      {shown.length > 0 && (
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
            {shown.map((entry) => (
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
          onClick={() => void fetchPage(nextBefore)}
        >
          {t('admin.audit.more')}
        </button>
      )}
    </>
  );
}
