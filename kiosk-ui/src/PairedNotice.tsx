import { useEffect, useEffectEvent } from 'react';
import type { Device } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';

/** How long the kiosk shows the name it was given before the menu comes back. */
export const PAIRED_NOTICE_MS = 4000;

interface Props {
  device: Device;
  onDone: () => void;
}

/** Confirms a pairing with the name the administrator gave, then hands over to the menu. */
export function PairedNotice({ device, onDone }: Props) {
  const { t } = useI18n();
  const finish = useEffectEvent(onDone);
  useEffect(() => {
    const timer = setTimeout(() => finish(), PAIRED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, []);

  return (
    <section className="pairing card" data-testid="paired-notice" role="status">
      <h2 className="pairing-title pairing-done">{t('kiosk.pair.done')}</h2>
      <p className="pairing-name" data-testid="paired-name">
        {t('kiosk.pair.doneName', { name: device.name })}
      </p>
      <button type="button" className="btn btn-ok pairing-leave" onClick={onDone}>
        {t('kiosk.pair.continue')}
      </button>
    </section>
  );
}
