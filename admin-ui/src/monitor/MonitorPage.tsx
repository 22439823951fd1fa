import { useEffect, useRef, useState } from 'react';
import { formatTime } from '@luot/ui-shared/format';
import { serverNow } from '@luot/ui-shared/server-time';
import { useClock } from '@luot/ui-shared/use-clock';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { useQueueState } from '@luot/ui-shared/use-queue-state';
import { ErrorAlert } from '../form';
import { monitorAlerts } from './alerts';
import { AlertsPanel, OverTargetPanel } from './AlertsPanel';
import { CountersPanel } from './CountersPanel';
import { ServicesPanel } from './ServicesPanel';
import { SatisfactionPanel, TotalsBar } from './TotalsBar';
import { useMonitorToday } from './use-monitor-today';
import './monitor.css';

type Theme = 'dark' | 'light';
const THEME_KEY = 'luot.monitor.theme';

function storedTheme(): Theme {
  try {
    return localStorage.getItem(THEME_KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

/**
 * The supervisors' live monitor (`/admin/monitor`), readable on a wall screen: counters and
 * printers from the staff socket's feed, today's figures from `GET /api/monitor/today`.
 */
export function MonitorPage() {
  const { t, lang } = useI18n();
  const { state, connection } = useQueueState();
  const { today, error } = useMonitorToday(state?.seq ?? null);
  // Re-render every second, reading the server's clock at render: the first snapshot
  // sets the offset after the clock's state was made.
  useClock(1000);
  const now = serverNow().getTime();
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const root = useRef<HTMLDivElement>(null);
  const [fullScreen, setFullScreen] = useState(false);

  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement === root.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const switchTheme = () => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    setTheme(next);
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // A browser that keeps nothing shows the default next time; nothing else depends on it.
    }
  };
  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void root.current?.requestFullscreen();
  };

  const alerts = state ? monitorAlerts(state, today, now) : [];
  return (
    <div className="monitor" data-theme={theme} ref={root} data-testid="monitor">
      <div className="monitor-head">
        <h2>{t('admin.monitor.title')}</h2>
        <span
          className={`monitor-connection ${connection === 'offline' ? 'is-offline' : ''}`}
          data-testid="monitor-connection"
          role="status"
        >
          {connection === 'offline' ? t('admin.monitor.offline') : t('admin.monitor.live')}
        </span>
        {today && (
          <span className="monitor-updated">
            {t('admin.monitor.updatedAt', { time: formatTime(today.serverTime, lang) })}
          </span>
        )}
        <span className="monitor-tools">
          <button type="button" className="btn btn-secondary" onClick={switchTheme}>
            {theme === 'dark' ? t('admin.monitor.light') : t('admin.monitor.dark')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={toggleFullScreen}>
            {fullScreen ? t('admin.monitor.exitFullScreen') : t('admin.monitor.fullScreen')}
          </button>
        </span>
      </div>
      <ErrorAlert error={error} testId="monitor-error" />
      {!state && <div className="loading">{t('app.loading')}</div>}
      {state && (
        <>
          <TotalsBar today={today} />
          <div className="monitor-grid">
            <CountersPanel
              state={state}
              now={now}
              pauseAlertMinutes={today?.thresholds.pauseAlertMinutes}
            />
            <ServicesPanel state={state} today={today} now={now} />
            <div className="monitor-column">
              <AlertsPanel state={state} alerts={alerts} />
              <OverTargetPanel state={state} today={today} now={now} />
              <SatisfactionPanel today={today} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
