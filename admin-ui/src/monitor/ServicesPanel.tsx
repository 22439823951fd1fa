import type { MonitorToday, StateSnapshot } from '@luot/contract';
import { minutesSince, serviceName } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  state: StateSnapshot;
  today: MonitorToday | null;
  /** Server time, ms. */
  now: number;
}

/**
 * Each active service's queue: how many wait (live from the feed), the longest wait and
 * how many are past the target (from today's figures), a service past its target marked.
 */
export function ServicesPanel({ state, today, now }: Props) {
  const { t, lang } = useI18n();
  const queues = new Map(today?.services.map((q) => [q.serviceId, q]));
  return (
    <section className="monitor-panel" aria-labelledby="monitor-services">
      <h3 id="monitor-services">{t('admin.monitor.services')}</h3>
      {state.services.length === 0 && <p className="muted">{t('admin.monitor.noServices')}</p>}
      {state.services.length > 0 && (
        <table className="monitor-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.monitor.service')}</th>
              <th scope="col" className="num">
                {t('admin.monitor.waiting')}
              </th>
              <th scope="col" className="num">
                {t('admin.monitor.longestWait')}
              </th>
              <th scope="col" className="num">
                {t('admin.monitor.target')}
              </th>
              <th scope="col" className="num">
                {t('admin.monitor.overTargetCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {state.services.map((service) => {
              const queue = queues.get(service.id);
              const oldest = service.waiting > 0 ? (queue?.oldestIssuedAt ?? null) : null;
              const longest = oldest === null ? null : minutesSince(oldest, now);
              const target = service.targetWaitMinutes;
              const over =
                oldest !== null && target > 0 && now - Date.parse(oldest) > target * 60_000;
              return (
                <tr
                  key={service.id}
                  className={over ? 'is-over' : undefined}
                  data-testid={`monitor-service-${service.code}`}
                >
                  <th scope="row">
                    <span className="monitor-prefix">{service.prefix}</span>
                    {serviceName(service, lang)}
                  </th>
                  <td className="num monitor-big">{service.waiting}</td>
                  <td className="num">
                    {longest === null ? '–' : t('admin.monitor.minutes', { minutes: longest })}
                  </td>
                  <td className="num">
                    {target > 0 ? t('admin.monitor.minutes', { minutes: target }) : '–'}
                  </td>
                  <td className="num">{queue?.overTarget ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
