import { useState } from 'react';
import type { PrinterStatusReport } from '@luot/contract';
import { printerFault } from '@luot/ui-shared/printers';
import { useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  printers: readonly PrinterStatusReport[];
}

/**
 * The centre's ticket printers and what each last said, live: folded into one line while
 * all is well, opened by itself when one is at fault, so a clerk sees at once that a kiosk
 * is out of paper. Faults first, then by name.
 */
export function PrintersPanel({ printers }: Props) {
  const { t } = useI18n();
  const [unfolded, setUnfolded] = useState(false);
  const faults = printers.filter(printerFault).length;
  const sorted = [...printers].sort(
    (a, b) =>
      Number(printerFault(b)) - Number(printerFault(a)) || a.name.localeCompare(b.name, 'vi'),
  );
  return (
    <details
      className={`side-list printers-panel${faults > 0 ? ' printers-panel-fault' : ''}`}
      data-testid="printers-panel"
      data-faults={faults}
      open={faults > 0 || unfolded}
      onToggle={(event) => setUnfolded(event.currentTarget.open)}
    >
      <summary data-testid="printers-summary">
        <strong>{t('printers.title')}</strong>
        {': '}
        {faults > 0 ? t('printers.faultCount', { count: faults }) : t('printers.allReady')}
      </summary>
      {sorted.length === 0 && <p className="muted">{t('printers.none')}</p>}
      <ul className="printer-list">
        {sorted.map((printer) => {
          const role = [
            printer.isDefault && t('printers.default'),
            printer.deviceId !== null && t('printers.kiosk'),
          ].filter(Boolean);
          return (
            <li
              key={printer.printerId}
              className={`printer-row${printerFault(printer) ? ' printer-row-fault' : ''}`}
              data-testid={`printer-${printer.printerId}`}
              data-state={printer.state}
              title={printer.detail ?? undefined}
            >
              <span className="printer-row-name">
                {printer.name}
                {role.length > 0 && <span className="printer-row-role"> ({role.join(', ')})</span>}
              </span>
              <span className="printer-row-state">{t(`printer.state.${printer.state}`)}</span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
