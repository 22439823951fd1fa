import { useMemo } from 'react';
import { encodeQr } from '@luot/ui-shared/qr-matrix';
import { QrCode } from '@luot/ui-shared/QrCode';
import { useI18n } from '@luot/ui-shared/use-i18n';

/** Where a visitor's phone follows a ticket: the page the server serves at `/t/<token>`. */
export function trackingUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/t/${encodeURIComponent(token)}`;
}

/**
 * The ticket's tracking page as a QR code with a line saying what it is for, and its
 * address in small type; without an encoder, the address alone. The address starts with
 * the server's public URL, as on the printed ticket: the kiosk browser's own origin is
 * often `http://localhost:8080`, which no phone can open.
 */
export function TrackingCode({ token, publicUrl }: { token: string; publicUrl: string }) {
  const { t } = useI18n();
  const url = trackingUrl(publicUrl, token);
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
