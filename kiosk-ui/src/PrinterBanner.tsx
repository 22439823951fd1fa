import type { PrinterStatusReport } from '@luot/contract';
import { useTranslateIn } from '@luot/ui-shared/use-i18n';

interface Props {
  printer: PrinterStatusReport;
}

/**
 * Tells visitors, before they choose a service, that the ticket will not be printed but
 * the number is still issued. Vietnamese first, English second, whatever the language
 * (English as soon as its strings, fetched at the kiosk's start, are in).
 */
export function PrinterBanner({ printer }: Props) {
  const key = printer.state === 'paper_end' ? 'kiosk.printer.paperEnd' : 'kiosk.printer.fault';
  const inVietnamese = useTranslateIn('vi');
  const inEnglish = useTranslateIn('en');
  return (
    <div
      className="banner banner-printer"
      role="alert"
      data-testid="printer-banner"
      data-state={printer.state}
    >
      <p lang="vi">{inVietnamese?.(key)}</p>
      <p lang="en" className="banner-second">
        {inEnglish?.(key)}
      </p>
    </div>
  );
}
