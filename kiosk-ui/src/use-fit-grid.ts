import { useLayoutEffect, useState, type RefObject } from 'react';

/** Columns and rows of tiles that fit an area. */
export interface GridFit {
  cols: number;
  rows: number;
}

/** The smallest tile a visitor can read at arm's length and hit with a finger, in CSS px. */
export interface TileSize {
  minWidth: number;
  minHeight: number;
  /** At most this many columns, however wide the area. */
  maxCols: number;
}

/** How many tiles of at least `tile` fit `width` × `height` with `gap` between them. */
export function fitGrid(width: number, height: number, tile: TileSize, gap: number): GridFit {
  const across = Math.floor((width + gap) / (tile.minWidth + gap));
  const down = Math.floor((height + gap) / (tile.minHeight + gap));
  return { cols: Math.min(tile.maxCols, Math.max(1, across)), rows: Math.max(1, down) };
}

/**
 * The grid that fits the element as it is laid out now, and again whenever it is resized
 * (window turned, banner shown): the element must take its size from the page, not from
 * the tiles inside it. Null until measured.
 */
export function useFitGrid(
  ref: RefObject<HTMLElement | null>,
  tile: TileSize,
  gap: number,
): GridFit | null {
  const [fit, setFit] = useState<GridFit | null>(null);
  const { minWidth, minHeight, maxCols } = tile;

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const next = fitGrid(
        element.clientWidth,
        element.clientHeight,
        { minWidth, minHeight, maxCols },
        gap,
      );
      setFit((current) =>
        current?.cols === next.cols && current.rows === next.rows ? current : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, minWidth, minHeight, maxCols, gap]);

  return fit;
}
