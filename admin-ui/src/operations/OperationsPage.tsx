import { useEffect, useState } from 'react';
import type { StateSnapshot } from '@luot/contract';
import { apiGet } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { BackupsSection } from './BackupsSection';
import { ConfigSection } from './ConfigSection';
import './operations.css';

/**
 * The centre's time zone, which backup times are shown in (the server names it in the
 * state snapshot); undefined until read, when times follow the PC's zone.
 */
function useCentreZone(): string | undefined {
  const [zone, setZone] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    apiGet<StateSnapshot>('/api/state').then(
      (state) => current && setZone(state.centre.timeZone),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return zone;
}

/** "Sao lưu & cấu hình": backups of the database and the configuration as a file (admins). */
export function OperationsPage() {
  const { t } = useI18n();
  const zone = useCentreZone();
  return (
    <div className="operations">
      <h2>{t('admin.operations.title')}</h2>
      <BackupsSection timeZone={zone} />
      <ConfigSection />
    </div>
  );
}
