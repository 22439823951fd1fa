import { QrCode } from '@luot/ui-shared/QrCode';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { useQrMatrix } from './use-qr-matrix';

/** Width and height of the code on screen, in CSS pixels. */
const QR_SIZE = 180;

/** Where a visitor's phone follows a ticket: the page the server serves at `/t/<token>`. */
export function trackingUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/t/${encodeURIComponent(token)}`;
}

/**
 * The ticket's tracking page as a QR code with a line saying what it is for, and its
 * address in small type; without an encoder, the address alone (an empty square of the
 * code's size holds its place while the encoder loads). The address starts with
 * the server's public URL, as on the printed ticket: the kiosk browser's own origin is
 * often `http://localhost:8080`, which no phone can open.
 */
export function TrackingCode({ token, publicUrl }: { token: string; publicUrl: string }) {
  const { t } = useI18n();
  const url = trackingUrl(publicUrl, token);
  const matrix = useQrMatrix(url);
  return (
    <div className="tracking" data-testid="tracking">
      {matrix === undefined && (
        <div className="qr-pending" style={{ width: QR_SIZE, height: QR_SIZE }} />
      )}
      {matrix && <QrCode matrix={matrix} size={QR_SIZE} label={t('kiosk.scanToTrack')} />}
      <div className="tracking-text">
        <p className="tracking-line">
          {t(matrix === null ? 'kiosk.trackAt' : 'kiosk.scanToTrack')}
        </p>
        <p className="tracking-url" data-testid="tracking-url">
          {url}
        </p>
      </div>
    </div>
  );
}
