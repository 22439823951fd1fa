import type { MessageKey, PrinterView } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';

/**
 * The printer a kiosk prints on: its own active printer, else the centre's default one
 * (as the print service routes tickets); null when it has none.
 */
export function kioskPrinter(
  kioskId: number,
  printers: readonly PrinterView[],
): { printer: PrinterView; shared: boolean } | null {
  const own = printers.find((p) => p.active && p.deviceId === kioskId);
  if (own) return { printer: own, shared: false };
  const shared = printers.find((p) => p.active && p.isDefault);
  return shared ? { printer: shared, shared: true } : null;
}

/** A kiosk's printer: its name and state, the state marked when it stops printing. */
export function KioskPrinter({ bound }: { bound: ReturnType<typeof kioskPrinter> }) {
  const { t } = useI18n();
  if (!bound) return <span className="muted">{t('admin.devices.noPrinter')}</span>;
  const { printer, shared } = bound;
  const state = printer.status?.state ?? 'unknown';
  return (
    <>
      {shared ? t('admin.devices.sharedPrinter', { name: printer.name }) : printer.name}
      <span className={state === 'online' ? 'block' : 'block printer-trouble'}>
        {t(`printer.state.${state}` as MessageKey)}
      </span>
    </>
  );
}
