import { useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Service, ServiceGroup } from '@luot/contract';
import { foldText, searchItems } from '@luot/ui-shared/fold';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { searchTexts } from './menu-tree';
import { PagedGrid } from './PagedGrid';
import { MENU_TILE, SearchIcon } from './ServiceMenu';
import { ServiceTile } from './ServiceTile';

/** The on-screen keys, row by row: plain letters are enough, the search ignores marks. */
const ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

/** The longest query the box takes: longer than any procedure name a visitor would type. */
const MAX_QUERY = 60;

interface Props {
  services: Service[];
  groups: ServiceGroup[];
  onChoose: (service: Service) => void;
  onUnavailable: (service: Service) => void;
  onClose: () => void;
}

/**
 * Finding a procedure by typing part of its name without diacritics, on the screen's own
 * keyboard or a real one; the results, any level of the menu, update with every key.
 */
export default function SearchView({ services, groups, onChoose, onUnavailable, onClose }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const results = useMemo(
    () => searchItems(query, services, (service) => searchTexts(service, groups)),
    [query, services, groups],
  );
  const typed = foldText(query) !== '';

  const type = (next: string) => {
    setQuery(next.slice(0, MAX_QUERY));
    input.current?.focus();
  };

  return (
    <section className="search" aria-labelledby="search-title">
      <div className="search-bar">
        <label className="search-field" htmlFor="search-input">
          <span className="search-label" id="search-title">
            <SearchIcon />
            {t('kiosk.search.label')}
          </span>
          <input
            ref={input}
            id="search-input"
            className="search-input"
            data-testid="search-input"
            type="search"
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            maxLength={MAX_QUERY}
            value={query}
            onChange={(event) => type(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="btn btn-secondary search-close"
          data-testid="search-close"
          onClick={onClose}
        >
          {t('kiosk.search.close')}
        </button>
      </div>
      <div className="search-body">
        <div className="search-results">
          <p className="search-status" role="status" data-testid="search-status">
            {!typed
              ? t('kiosk.search.hint')
              : results.length === 0
                ? t('kiosk.search.none')
                : t('kiosk.search.results', { count: results.length })}
          </p>
          <PagedGrid
            key={foldText(query)}
            items={typed ? results : []}
            itemKey={(service) => service.id}
            tile={MENU_TILE}
            label={t('kiosk.search.open')}
            renderItem={(service) => (
              <ServiceTile service={service} onChoose={onChoose} onUnavailable={onUnavailable} />
            )}
          />
        </div>
        <Keyboard query={query} onType={type} />
      </div>
    </section>
  );
}

/** Letters, digits, space, delete one and clear, each a large key. */
function Keyboard({ query, onType }: { query: string; onType: (next: string) => void }) {
  const { t } = useI18n();
  // Keeps the caret in the box: a key takes no focus, so a real keyboard goes on typing.
  const keepFocus = (event: MouseEvent) => event.preventDefault();
  const key = (label: string, testId: string, next: string, className = '', name?: string) => (
    <button
      key={testId}
      type="button"
      className={`key ${className}`}
      data-testid={testId}
      aria-label={name}
      onMouseDown={keepFocus}
      onClick={() => onType(next)}
    >
      {label}
    </button>
  );
  return (
    <div className="keyboard" role="group" aria-label={t('kiosk.keyboard')}>
      {ROWS.map((row, index) => (
        <div key={row} className="key-row">
          {[...row].map((letter) => key(letter, `key-${letter}`, query + letter.toLowerCase()))}
          {index === ROWS.length - 1 &&
            key('⌫', 'key-backspace', query.slice(0, -1), 'key-wide', t('kiosk.key.backspace'))}
        </div>
      ))}
      <div className="key-row">
        {key(t('kiosk.key.clear'), 'key-clear', '', 'key-wide')}
        {key(t('kiosk.key.space'), 'key-space', query + ' ', 'key-space')}
      </div>
    </div>
  );
}
