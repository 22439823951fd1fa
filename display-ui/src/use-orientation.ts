import { useSyncExternalStore } from 'react';

/** How the hall screen is mounted. */
export type Orientation = 'landscape' | 'portrait';

const PORTRAIT = '(orientation: portrait)';

function subscribe(listener: () => void): () => void {
  const query = matchMedia(PORTRAIT);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

const current = (): Orientation => (matchMedia(PORTRAIT).matches ? 'portrait' : 'landscape');

/** The screen's orientation, following a TV that is turned (or a window resized). */
export function useOrientation(): Orientation {
  return useSyncExternalStore(subscribe, current, () => 'landscape');
}
