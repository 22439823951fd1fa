import type { Language, Service } from '@luot/contract';
import { serviceName } from '@luot/ui-shared/format';
import type { Translate } from '@luot/ui-shared/use-i18n';
import { usePageCycle } from './use-page-cycle';

/** How long each page of queues stays up before the next. */
export const WAITING_PAGE_MS = 8000;

/** How the queues are laid out on one page. */
export interface WaitingGrid {
  columns: number;
  rows: number;
}

interface Props {
  services: Service[];
  grid: WaitingGrid;
  t: Translate;
  lang: Language;
}

/**
 * How many people wait for each service, a page at a time: when more services than the
 * rows that fit, the pages take turns every few seconds and say which one is up ("1/3").
 */
export function WaitingList({ services, grid, t, lang }: Props) {
  const perPage = grid.columns * grid.rows;
  const { page, pages } = usePageCycle(services.length, perPage, WAITING_PAGE_MS);
  const shown = services.slice(page * perPage, (page + 1) * perPage);

  return (
    <section className="waiting" aria-labelledby="waiting-heading">
      <div className="waiting-head">
        <h2 id="waiting-heading">{t('display.waiting')}</h2>
        {pages > 1 && (
          <span
            className="waiting-page"
            data-testid="waiting-page"
            aria-label={t('display.page', { page: page + 1, pages })}
          >
            {page + 1}/{pages}
          </span>
        )}
      </div>
      <ul
        className="waiting-list"
        data-testid="waiting-list"
        style={{
          gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
        }}
      >
        {shown.map((service) => (
          <li key={service.id} data-testid={`waiting-${service.code}`}>
            <span className="waiting-prefix">{service.prefix}</span>
            <span className="waiting-name">{serviceName(service, lang)}</span>
            <span className="waiting-count" data-testid="waiting-count">
              {service.waiting}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
