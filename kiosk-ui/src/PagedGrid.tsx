import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { useFitGrid, type TileSize } from './use-fit-grid';

/** Only levels with more tiles than fit need it: a small centre never loads it. */
const loadPager = () => import('./Pager');
const Pager = lazy(loadPager);

/** Starts loading the pager while the first page shows. */
export function preloadPager(): void {
  loadPager().catch(() => undefined);
}

/** Space between tiles, in CSS px (the grid's `gap`). */
const GAP = 16;

/** The tallest a tile grows when a level has few tiles and they all fit on one page. */
const ROOMY_TILE_PX = 200;

interface Props<T> {
  items: readonly T[];
  itemKey: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
  tile: TileSize;
  /** What the list is, for screen readers. */
  label: string;
}

/**
 * Tiles in as many columns and rows as fit the space the page leaves them, measured rather
 * than guessed, so nothing ever scrolls; a level with more tiles than fit gets pages with
 * large "Trang trước" / "Trang sau" buttons and "Trang 1/3" between them. Give it a new
 * React `key` to start again from the first page.
 */
export function PagedGrid<T>({ items, itemKey, renderItem, tile, label }: Props<T>) {
  const area = useRef<HTMLDivElement>(null);
  const fit = useFitGrid(area, tile, GAP);
  const [page, setPage] = useState(0);

  const perPage = fit ? fit.cols * fit.rows : 1;
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.min(page, pages - 1);
  const shown = fit ? items.slice(current * perPage, (current + 1) * perPage) : [];
  const rows = fit ? (pages === 1 ? Math.max(1, Math.ceil(items.length / fit.cols)) : fit.rows) : 1;
  const rowSize = pages === 1 ? `minmax(0, ${ROOMY_TILE_PX}px)` : 'minmax(0, 1fr)';

  return (
    <div className="paged">
      <div className="paged-area" ref={area}>
        {fit && (
          <ul
            className="tile-grid"
            aria-label={label}
            data-testid="tile-grid"
            data-cols={fit.cols}
            data-rows={fit.rows}
            style={{
              gap: GAP,
              gridTemplateColumns: `repeat(${fit.cols}, minmax(0, 1fr))`,
              gridTemplateRows: `repeat(${rows}, ${rowSize})`,
            }}
          >
            {shown.map((item) => (
              <li key={itemKey(item)} className="tile-cell">
                {renderItem(item)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {pages > 1 && (
        <Suspense fallback={<div className="pager" />}>
          <Pager page={current} pages={pages} onPage={setPage} />
        </Suspense>
      )}
    </div>
  );
}
