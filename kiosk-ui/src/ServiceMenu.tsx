import type { Service } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  services: Service[];
  onChoose: (service: Service) => void;
}

/** The services as large touch buttons, with how many people wait for each. */
export function ServiceMenu({ services, onChoose }: Props) {
  const { t, lang } = useI18n();
  return (
    <section>
      <h2 className="kiosk-title">{t('kiosk.title')}</h2>
      <p className="kiosk-subtitle">{t('kiosk.subtitle')}</p>
      {services.length === 0 && <p className="error-box">{t('kiosk.noServices')}</p>}
      <div className="service-grid">
        {services.map((service) => (
          <button
            key={service.id}
            type="button"
            className="service-button"
            data-testid={`service-${service.code}`}
            onClick={() => onChoose(service)}
          >
            <span className="service-prefix">{service.prefix}</span>
            <span className="service-names">
              <span className="service-name">{lang === 'en' ? service.nameEn : service.name}</span>
              <span className="service-name-alt">
                {lang === 'en' ? service.name : service.nameEn}
              </span>
            </span>
            <span className="service-waiting">
              {t('kiosk.waitingNow', { count: service.waiting })}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
