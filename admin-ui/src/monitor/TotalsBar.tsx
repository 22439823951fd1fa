import type { MessageKey, MonitorToday } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';

const minutesOf = (seconds: number) => Math.round(seconds / 6) / 10;

/** Today's totals in large type: tickets issued, served, no-show, waiting, average times. */
export function TotalsBar({ today }: { today: MonitorToday | null }) {
  const { t, lang } = useI18n();
  const totals = today?.totals;
  const duration = (seconds: number | null | undefined) =>
    seconds === null || seconds === undefined
      ? t('admin.monitor.none')
      : t('admin.monitor.minutes', {
          minutes: minutesOf(seconds).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
        });
  const satisfaction = today?.satisfaction;
  const tiles: { id: string; label: MessageKey; value: string }[] = [
    { id: 'issued', label: 'admin.monitor.issued', value: String(totals?.issued ?? '…') },
    { id: 'served', label: 'admin.monitor.served', value: String(totals?.served ?? '…') },
    { id: 'no-show', label: 'admin.monitor.noShow', value: String(totals?.noShow ?? '…') },
    { id: 'waiting', label: 'admin.monitor.waiting', value: String(totals?.waiting ?? '…') },
    {
      id: 'average-wait',
      label: 'admin.monitor.averageWait',
      value: totals ? duration(totals.averageWaitSeconds) : '…',
    },
    {
      id: 'average-service',
      label: 'admin.monitor.averageService',
      value: totals ? duration(totals.averageServiceSeconds) : '…',
    },
    {
      id: 'satisfied',
      label: 'admin.monitor.satisfaction',
      value: !satisfaction
        ? '…'
        : satisfaction.satisfiedShare === null
          ? t('admin.monitor.none')
          : t('admin.monitor.satisfiedShare', {
              percent: Math.round(satisfaction.satisfiedShare * 100),
            }),
    },
  ];
  return (
    <section
      className="monitor-totals"
      aria-label={t('admin.monitor.today')}
      data-testid="monitor-totals"
    >
      {tiles.map((tile) => (
        <div className="monitor-tile" key={tile.id} data-testid={`monitor-total-${tile.id}`}>
          <span className="monitor-tile-label">{t(tile.label)}</span>
          <span className="monitor-tile-value">{tile.value}</span>
        </div>
      ))}
    </section>
  );
}

/** Today's ratings per level of the centre's scale, as bars, with the count. */
export function SatisfactionPanel({ today }: { today: MonitorToday | null }) {
  const { t, lang } = useI18n();
  if (!today) return null;
  const { levels, total } = today.satisfaction;
  return (
    <section
      className="monitor-panel"
      aria-labelledby="monitor-satisfaction"
      data-testid="monitor-satisfaction"
    >
      <h3 id="monitor-satisfaction">
        {t('admin.monitor.satisfaction')}
        <span className="monitor-subtle">{t('admin.monitor.ratingsCount', { count: total })}</span>
      </h3>
      {total === 0 && <p className="muted">{t('admin.monitor.noRatings')}</p>}
      {total > 0 && (
        <ul className="monitor-levels">
          {[...levels].reverse().map((level) => (
            <li key={level.level} data-testid={`monitor-level-${level.level}`}>
              <span className="monitor-level-label">
                {lang === 'en' ? level.labelEn : level.label}
              </span>
              <span className="monitor-bar" aria-hidden="true">
                <span style={{ width: `${(level.count / total) * 100}%` }} />
              </span>
              <span className="monitor-level-count">{level.count}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
