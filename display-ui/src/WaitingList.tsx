import type { Language, Service } from '@luot/contract';
import { serviceName } from '@luot/ui-shared/format';
import type { Translate } from '@luot/ui-shared/use-i18n';

interface Props {
  services: Service[];
  t: Translate;
  lang: Language;
}

/** How many people wait for each service. */
export function WaitingList({ services, t, lang }: Props) {
  return (
    <section className="waiting">
      <h2>{t('display.waiting')}</h2>
      <ul className="waiting-list">
        {services.map((service) => (
          <li key={service.id} data-testid={`waiting-${service.code}`}>
            <span className="waiting-prefix">{service.prefix}</span>
            <span className="waiting-name">{serviceName(service, lang)}</span>
            <span className="waiting-count">{service.waiting}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
