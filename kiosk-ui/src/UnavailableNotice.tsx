import { useEffect, useRef } from 'react';
import type { Service } from '@luot/contract';
import { serviceName } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { hoursLine } from './ServiceTile';

/**
 * Why a number cannot be taken for a service now (closed, past the cut-off, numbers used
 * up) and today's issuing hours, shown when a visitor taps a greyed-out service.
 */
export function UnavailableNotice({ service, onClose }: { service: Service; onClose: () => void }) {
  const { t, lang } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const reason = service.unavailableReason;
  return (
    <div className="notice-backdrop" onClick={onClose}>
      <section
        className="card notice"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="notice-title"
        aria-describedby="notice-reason"
        data-testid="unavailable-notice"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 className="notice-title" id="notice-title">
          {t('kiosk.unavailable.title')}
        </h2>
        <p className="notice-service">{serviceName(service, lang)}</p>
        <p className="notice-reason" id="notice-reason" data-testid="unavailable-reason">
          {reason ? t(`kiosk.unavailable.${reason}`) : t('kiosk.unavailable.title')}
        </p>
        <p className="notice-hours">{hoursLine(t, service)}</p>
        <p className="notice-help">{t('kiosk.unavailable.help')}</p>
        <button
          ref={close}
          type="button"
          className="btn notice-close"
          data-testid="unavailable-close"
          onClick={onClose}
        >
          {t('app.close')}
        </button>
      </section>
    </div>
  );
}
