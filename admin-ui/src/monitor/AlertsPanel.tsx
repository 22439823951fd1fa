import type { MonitorToday, StateSnapshot } from '@luot/contract';
import { findService, serviceName } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { formatMoment } from '../form';
import type { MonitorAlert } from './alerts';

/** What needs a supervisor now: printers, devices, long pauses, services past their target. */
export function AlertsPanel({ state, alerts }: { state: StateSnapshot; alerts: MonitorAlert[] }) {
  const { t, lang } = useI18n();
  const text = (alert: MonitorAlert): string => {
    switch (alert.kind) {
      case 'printer':
        return t('admin.monitor.alert.printer', {
          name: alert.name,
          state: t(`printer.state.${alert.state}`),
        });
      case 'device': {
        const kind = t(`admin.devices.kind.${alert.device.kind}`);
        return alert.device.lastSeenAt === null
          ? t('admin.monitor.alert.deviceNever', { kind, name: alert.device.name })
          : t('admin.monitor.alert.device', {
              kind,
              name: alert.device.name,
              time: formatMoment(alert.device.lastSeenAt, lang),
            });
      }
      case 'paused':
        return t('admin.monitor.alert.paused', {
          number: alert.counter.number,
          minutes: alert.minutes,
          reason: alert.counter.pauseReason ?? t('admin.monitor.noReason'),
        });
      case 'service-wait':
        return t('admin.monitor.alert.serviceWait', {
          service: serviceName(findService(state.services, alert.serviceId), lang),
          minutes: alert.minutes,
          target: alert.target,
        });
    }
  };
  return (
    <section
      className="monitor-panel"
      aria-labelledby="monitor-alerts"
      data-testid="monitor-alerts"
    >
      <h3 id="monitor-alerts">
        {t('admin.monitor.alerts')}
        <span className="monitor-count">{alerts.length}</span>
      </h3>
      {alerts.length === 0 && <p className="muted">{t('admin.monitor.alertsNone')}</p>}
      <ul className="monitor-alerts" aria-live="polite">
        {alerts.map((alert) => (
          <li
            key={alert.key}
            className={alert.critical ? 'is-critical' : 'is-warning'}
            data-testid={`monitor-alert-${alert.key}`}
          >
            {text(alert)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Waiting tickets past their service's target, longest first, their waits ticking. */
export function OverTargetPanel({
  state,
  today,
  now,
}: {
  state: StateSnapshot;
  today: MonitorToday | null;
  now: number;
}) {
  const { t, lang } = useI18n();
  if (!today) return null;
  const { count, tickets } = today.overTarget;
  return (
    <section
      className="monitor-panel"
      aria-labelledby="monitor-over"
      data-testid="monitor-over-target"
    >
      <h3 id="monitor-over">
        {t('admin.monitor.overTarget')}
        <span className="monitor-count">{count}</span>
      </h3>
      {count === 0 && <p className="muted">{t('admin.monitor.overTargetNone')}</p>}
      <ul className="monitor-over">
        {tickets.map((ticket) => (
          <li key={ticket.ticketId} data-testid={`monitor-over-${ticket.number}`}>
            <strong className="monitor-ticket-number">{ticket.number}</strong>
            <span>{serviceName(findService(state.services, ticket.serviceId), lang)}</span>
            <span className="monitor-timer">
              {t('admin.monitor.waitedOf', {
                minutes: Math.max(0, Math.floor((now - Date.parse(ticket.issuedAt)) / 60_000)),
                target: ticket.targetWaitMinutes,
              })}
            </span>
          </li>
        ))}
      </ul>
      {count > tickets.length && (
        <p className="muted">
          {t('admin.monitor.overTargetMore', { count: count - tickets.length })}
        </p>
      )}
    </section>
  );
}
