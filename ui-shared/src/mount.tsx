import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders a page's root element into its `#root` (every page's HTML has one). */
export function mount(app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Missing #root');
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
