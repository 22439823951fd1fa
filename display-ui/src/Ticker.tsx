import type { CSSProperties } from 'react';

/** Seconds the line takes to cross, from its length: about the pace of reading aloud. */
function crossingSeconds(text: string): number {
  return Math.round((text.length + 60) * 0.2);
}

/**
 * The line of notices an administrator sets, scrolling along the foot of the screen (still
 * and wrapped for viewers who ask for reduced motion). Nothing when the text is empty.
 */
export function Ticker({ text, label }: { text: string; label: string }) {
  const line = text.trim();
  if (line === '') return null;
  const style = { '--ticker-seconds': `${crossingSeconds(line)}s` } as CSSProperties;
  return (
    <section className="ticker" aria-label={label} data-testid="ticker">
      <p className="ticker-track" style={style}>
        {line}
      </p>
    </section>
  );
}
