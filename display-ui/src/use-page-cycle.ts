import { useEffect, useState } from 'react';

/** What `usePageCycle` gives a paged list. */
export interface PageCycle {
  /** The page shown, from 0. */
  page: number;
  pages: number;
}

/**
 * Pages through `count` items `perPage` at a time, moving on every `intervalMs` and back
 * to the first after the last. One page: it stays. A list that shrinks under the page
 * shown starts again from the first.
 */
export function usePageCycle(count: number, perPage: number, intervalMs: number): PageCycle {
  const pages = Math.max(1, Math.ceil(count / Math.max(1, perPage)));
  const [page, setPage] = useState(0);

  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), intervalMs);
    return () => clearInterval(timer);
  }, [pages, intervalMs]);

  return { page: page < pages ? page : 0, pages };
}
