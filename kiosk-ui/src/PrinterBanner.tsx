import type { PrinterStatusReport } from '@luot/contract';
import { translate } from '@luot/ui-shared/contract';

interface Props {
  printer: PrinterStatusReport;
}

/**
 * Tells visitors, before they choose a service, that the ticket will not be printed but
 * the number is still issued. Vietnamese first, English second, whatever the language.
 */
export function PrinterBanner({ printer }: Props) {
  const key = printer.state === 'paper_end' ? 'kiosk.printer.paperEnd' : 'kiosk.printer.fault';
  return (
    <div
      className="banner banner-printer"
      role="alert"
      data-testid="printer-banner"
      data-state={printer.state}
    >
      <p lang="vi">{translate('vi', key)}</p>
      <p lang="en" className="banner-second">
        {translate('en', key)}
      </p>
    </div>
  );
}
