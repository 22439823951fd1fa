import type { Service } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  services: Service[];
  onChoose: (service: Service) => void;
}

/** The services as large touch buttons, with how many people wait for each. */
export function ServiceMenu({ services, onChoose }: Props) {
  const { t, lang } = useI18n();
  const centreClosed =
    services.length > 0 && services.every((s) => s.unavailableReason === 'centre_closed');
  return (
    <section>
      <h2 className="kiosk-title">{t('kiosk.title')}</h2>
      <p className="kiosk-subtitle">{t('kiosk.subtitle')}</p>
      {services.length === 0 && <p className="error-box">{t('kiosk.noServices')}</p>}
      {centreClosed && (
        <p className="error-box kiosk-closed" role="status" data-testid="centre-closed">
          {t('error.centre_closed')}
        </p>
      )}
      <div className="service-grid">
        {services.map((service) => (
          <button
            key={service.id}
            type="button"
            className={`tile service-button${service.available ? '' : ' service-unavailable'}`}
            data-testid={`service-${service.code}`}
            disabled={!service.available}
            aria-disabled={!service.available}
            onClick={() => {
              if (service.available) onChoose(service);
            }}
          >
            <span className="service-prefix">{service.prefix}</span>
            <span className="service-names">
              <span className="service-name">{lang === 'en' ? service.nameEn : service.name}</span>
              <span className="service-name-alt">
                {lang === 'en' ? service.name : service.nameEn}
              </span>
            </span>
            {service.available || service.unavailableReason === null ? (
              <span className="service-waiting">
                {t('kiosk.waitingNow', { count: service.waiting })}
              </span>
            ) : (
              <span className="service-reason" data-testid={`service-reason-${service.code}`}>
                {t(`kiosk.unavailable.${service.unavailableReason}`)}
              </span>
            )}
          </button>
        ))}
      </div>
    </section>
  );
}
