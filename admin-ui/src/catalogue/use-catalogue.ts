import { useEffect } from 'react';
import type { CatalogueResponse, DeleteResponse, MessageKey } from '@luot/contract';
import { listen } from '@luot/ui-shared/socket';
import { useResource } from '../form';

/**
 * The whole catalogue (`GET /api/catalogue`), read again whenever it changes: by this
 * admin, another one (`catalogue:updated`) or a clerk taking or leaving a counter
 * (`counter:updated`, for who holds each).
 */
export function useCatalogue() {
  const catalogue = useResource<CatalogueResponse>('/api/catalogue');
  const { reload } = catalogue;
  useEffect(() => {
    const stops = [listen('catalogue:updated', reload), listen('counter:updated', reload)];
    return () => stops.forEach((stop) => stop());
  }, [reload]);
  return catalogue;
}

/** What a `DELETE` did: removed, or kept inactive because something still refers to it. */
export function deletedNotice(response: DeleteResponse<string, unknown>): MessageKey {
  return 'deleted' in response ? 'admin.catalogue.deleted' : 'admin.catalogue.deactivated';
}

/** A number field's text as the API wants it: a whole number, or null when left empty. */
export function optionalInt(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** New sort orders that move `items[index]` one place up (-1) or down (+1). */
export function swapOrder<T extends { id: number; sortOrder: number }>(
  items: readonly T[],
  index: number,
  step: -1 | 1,
): { id: number; sortOrder: number }[] {
  const other = items[index + step];
  const item = items[index];
  if (!item || !other) return [];
  // Equal orders (never set) would not move anything when swapped: use the positions.
  const same = item.sortOrder === other.sortOrder;
  return [
    { id: item.id, sortOrder: same ? index + step : other.sortOrder },
    { id: other.id, sortOrder: same ? index : item.sortOrder },
  ];
}
