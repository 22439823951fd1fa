import type { Service, ServiceGroup } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { groupPath, menuEntries, type MenuEntry } from './menu-tree';
import { PagedGrid } from './PagedGrid';
import { GroupTile, ServiceTile } from './ServiceTile';
import type { TileSize } from './use-fit-grid';

/** A tile holds two lines of name and a line of facts in large type. */
export const MENU_TILE: TileSize = { minWidth: 440, minHeight: 170, maxCols: 3 };

interface Props {
  services: Service[];
  groups: ServiceGroup[];
  /** The group whose level is shown; null: the top. */
  level: number | null;
  onLevel: (groupId: number | null) => void;
  onChoose: (service: Service) => void;
  onUnavailable: (service: Service) => void;
  onSearch: () => void;
}

const keyOf = (entry: MenuEntry) =>
  entry.kind === 'group' ? `g${entry.group.id}` : `s${entry.service.id}`;

/**
 * The kiosk's menu: field → procedure group → service (or every service on one level for a
 * small centre), with a back button and a breadcrumb below the top, a large search button,
 * and pages when a level has more tiles than fit.
 */
export function ServiceMenu({
  services,
  groups,
  level,
  onLevel,
  onChoose,
  onUnavailable,
  onSearch,
}: Props) {
  const { t, lang } = useI18n();
  const path = groupPath(groups, level);
  const entries = menuEntries(services, groups, path.at(-1)?.id ?? null);
  const centreClosed =
    services.length > 0 && services.every((s) => s.unavailableReason === 'centre_closed');
  const nameOf = (group: ServiceGroup) =>
    lang === 'en' && group.nameEn ? group.nameEn : group.name;
  const up = path.length > 0 ? (path.at(-2)?.id ?? null) : undefined;

  return (
    <section className="menu" aria-labelledby="menu-title">
      <div className="menu-bar">
        {up !== undefined && (
          <button
            type="button"
            className="btn btn-secondary menu-back"
            data-testid="menu-back"
            onClick={() => onLevel(up)}
          >
            <span aria-hidden="true">‹ </span>
            {t('kiosk.back')}
          </button>
        )}
        <div className="menu-heading">
          {path.length === 0 ? (
            <>
              <h2 className="kiosk-title" id="menu-title">
                {t('kiosk.title')}
              </h2>
              <p className="kiosk-subtitle">{t('kiosk.subtitle')}</p>
            </>
          ) : (
            <>
              <nav aria-label={t('kiosk.breadcrumb')} data-testid="breadcrumb">
                <ol className="breadcrumb">
                  <li>
                    <button type="button" className="crumb" onClick={() => onLevel(null)}>
                      {t('kiosk.allFields')}
                    </button>
                  </li>
                  {path.slice(0, -1).map((group) => (
                    <li key={group.id}>
                      <button type="button" className="crumb" onClick={() => onLevel(group.id)}>
                        {nameOf(group)}
                      </button>
                    </li>
                  ))}
                </ol>
              </nav>
              <h2 className="kiosk-title menu-level-title" id="menu-title">
                {nameOf(path.at(-1)!)}
              </h2>
            </>
          )}
        </div>
        <button
          type="button"
          className="btn search-open"
          data-testid="search-open"
          onClick={onSearch}
        >
          <SearchIcon />
          {t('kiosk.search.open')}
        </button>
      </div>
      {services.length === 0 && <p className="error-box">{t('kiosk.noServices')}</p>}
      {centreClosed && (
        <p className="error-box kiosk-closed" role="status" data-testid="centre-closed">
          {t('error.centre_closed')}
        </p>
      )}
      <PagedGrid
        key={level ?? 'top'}
        items={entries}
        itemKey={keyOf}
        tile={MENU_TILE}
        label={path.length === 0 ? t('kiosk.title') : nameOf(path.at(-1)!)}
        renderItem={(entry) =>
          entry.kind === 'group' ? (
            <GroupTile
              group={entry.group}
              services={entry.services}
              onOpen={(g) => onLevel(g.id)}
            />
          ) : (
            <ServiceTile
              service={entry.service}
              onChoose={onChoose}
              onUnavailable={onUnavailable}
            />
          )
        }
      />
    </section>
  );
}

/** A magnifying glass, drawn so it needs no icon font or image. */
export function SearchIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
      <circle cx="10" cy="10" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <path d="M15 15l6 6" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
