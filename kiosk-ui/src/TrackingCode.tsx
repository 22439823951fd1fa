import { useMemo } from 'react';
import { encodeQr } from '@luot/ui-shared/qr-matrix';
import { QrCode } from '@luot/ui-shared/QrCode';
import { useI18n } from '@luot/ui-shared/use-i18n';

/** Where a visitor's phone follows a ticket: the page the server serves at `/t/<token>`. */
export function trackingUrl(origin: string, token: string): string {
  return `${origin}/t/${encodeURIComponent(token)}`;
}

/**
 * The ticket's tracking page as a QR code with a line saying what it is for, and its
 * address in small type; without an encoder, the address alone.
 */
export function TrackingCode({ token }: { token: string }) {
  const { t } = useI18n();
  const url = trackingUrl(location.origin, token);
  const matrix = useMemo(() => encodeQr(url), [url]);
  return (
    <div className="tracking" data-testid="tracking">
      {matrix && <QrCode matrix={matrix} size={180} label={t('kiosk.scanToTrack')} />}
      <div className="tracking-text">
        <p className="tracking-line">{t(matrix ? 'kiosk.scanToTrack' : 'kiosk.trackAt')}</p>
        <p className="tracking-url" data-testid="tracking-url">
          {url}
        </p>
      </div>
    </div>
  );
}
