import { useEffect, useState } from 'react';
import type { BackupInfo, BackupListResponse, Language } from '@luot/contract';
import { ApiRequestError } from '@luot/ui-shared/api';
import { LOCALES } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Notice, useAction, useResource } from '../form';
import { BACKUPS_PATH, backupPath, createBackup } from './operations-api';

/** How often the list is read again while a backup someone else started is being written. */
const BUSY_REFRESH_MS = 3000;

/** A backup's size in megabytes, one decimal, as the page language writes numbers. */
export function megabytes(size: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(size / (1024 * 1024));
}

/** When a backup was taken, in the centre's zone (the PC's until it is known). */
export function backupTime(iso: string, lang: Language, timeZone: string | undefined): string {
  return new Date(iso).toLocaleString(LOCALES[lang], {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** Seconds since `since` while it is set, ticking once a second: a backup's progress. */
function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/** "Sao lưu ngay", the backups newest first with their downloads, and how to restore one. */
export function BackupsSection({ timeZone }: { timeZone: string | undefined }) {
  const { t, lang } = useI18n();
  // Refused with backup_in_progress: the newest backup listed then. Until the list shows a
  // newer one, someone else's backup is still being written and the list is read again.
  const [busyAfter, setBusyAfter] = useState<{ newest: string | undefined } | null>(null);
  const [watching, setWatching] = useState(false);
  const list = useResource<BackupListResponse>(
    BACKUPS_PATH,
    watching ? BUSY_REFRESH_MS : undefined,
  );
  const newest = list.data?.backups[0]?.name;
  const busy = busyAfter !== null && newest === busyAfter.newest;
  if (watching !== busy) setWatching(busy);
  const action = useAction();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const seconds = useElapsedSeconds(startedAt);

  const backUp = () =>
    void action.run(async () => {
      setNotice(null);
      setBusyAfter(null);
      setStartedAt(Date.now());
      try {
        const { backup } = await createBackup();
        setNotice(
          t('admin.operations.backedUp', {
            name: backup.name,
            size: megabytes(backup.size, lang),
          }),
        );
      } catch (error) {
        if (error instanceof ApiRequestError && error.code === 'backup_in_progress') {
          // Not a fault: someone else's (or the daily) backup; say so and watch the list.
          setBusyAfter({ newest });
          return;
        }
        throw error;
      } finally {
        setStartedAt(null);
        list.reload();
      }
    });

  const backups = list.data?.backups;
  return (
    <section className="admin-section" aria-labelledby="backups-title" data-testid="backups">
      <h3 id="backups-title">{t('admin.operations.backups')}</h3>
      <p className="muted">{t('admin.operations.backupsIntro')}</p>
      <div className="operations-actions">
        <button
          type="button"
          className="btn"
          data-testid="backup-now"
          disabled={action.pending}
          onClick={backUp}
        >
          {t('admin.operations.backupNow')}
        </button>
        {startedAt !== null && (
          <span className="operations-progress" role="status" data-testid="backup-progress">
            <progress aria-label={t('admin.operations.backupNow')} />
            {t('admin.operations.backingUp', { seconds })}
          </span>
        )}
      </div>
      <ErrorAlert error={action.error ?? list.error} testId="backup-error" />
      <Notice testId="backup-notice">{busy ? t('admin.operations.backupBusy') : notice}</Notice>
      {backups?.length === 0 && (
        <p className="muted" data-testid="backups-none">
          {t('admin.operations.noBackups')}
        </p>
      )}
      {backups && backups.length > 0 && (
        <div className="operations-scroll">
          <table
            className="admin-table"
            data-testid="backups-table"
            aria-labelledby="backups-title"
          >
            <thead>
              <tr>
                <th scope="col">{t('admin.operations.backupTime')}</th>
                <th scope="col">{t('admin.operations.backupKind')}</th>
                <th scope="col" className="numeric">
                  {t('admin.operations.backupSize')}
                </th>
                <th scope="col">{t('admin.operations.backupFile')}</th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <BackupRow key={backup.name} backup={backup} timeZone={timeZone} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RestoreNote />
    </section>
  );
}

function BackupRow({ backup, timeZone }: { backup: BackupInfo; timeZone: string | undefined }) {
  const { t, lang } = useI18n();
  const time = backupTime(backup.createdAt, lang, timeZone);
  return (
    <tr data-testid="backup-row" data-name={backup.name}>
      <td>{time}</td>
      <td>{t(backup.automatic ? 'admin.operations.automatic' : 'admin.operations.manual')}</td>
      <td className="numeric">
        {t('admin.operations.megabytes', { size: megabytes(backup.size, lang) })}
      </td>
      <td>
        <a
          href={backupPath(backup.name)}
          download={backup.name}
          data-testid="backup-download"
          aria-label={t('admin.operations.downloadLabel', { time })}
        >
          {t('admin.operations.download')}
        </a>
        <small className="muted block operations-file">{backup.name}</small>
      </td>
    </tr>
  );
}

/** The app cannot restore a backup by itself: the steps, and where the full procedure is. */
function RestoreNote() {
  const { t } = useI18n();
  return (
    <details className="operations-restore" data-testid="restore-note">
      <summary>{t('admin.operations.restoreTitle')}</summary>
      <p>{t('admin.operations.restoreIntro')}</p>
      <ol>
        <li>{t('admin.operations.restoreStep1')}</li>
        <li>{t('admin.operations.restoreStep2')}</li>
        <li>{t('admin.operations.restoreStep3')}</li>
        <li>{t('admin.operations.restoreStep4')}</li>
      </ol>
      <p>{t('admin.operations.restoreLoss')}</p>
      <p>
        {t('admin.operations.restoreMore')} <code>docs/operations.md</code>,{' '}
        {t('admin.operations.restoreSection')}
      </p>
    </details>
  );
}
