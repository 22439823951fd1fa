import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from './chart-setup';
import type { ChartSpec } from './chart-configs';

interface Props {
  caption: string;
  /** Null: nothing to draw; `empty` is said instead. */
  spec: ChartSpec | null;
  empty?: string;
  testId: string;
  /** `tall` for a long list of bars. */
  size?: 'normal' | 'wide' | 'tall';
}

/**
 * One chart in a `<figure>`: its caption, and a canvas read as an image whose text says
 * what it shows. The chart is made when the spec changes and destroyed with the page.
 */
export function ChartFigure({ caption, spec, empty, testId, size = 'normal' }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!spec || !canvas.current) return;
    // Each spec is typed for its own chart kind; the constructor takes any registered kind.
    const chart = new Chart(canvas.current, spec.config as ChartConfiguration);
    return () => chart.destroy();
  }, [spec]);

  return (
    <figure className={`report-figure report-figure-${size}`} data-testid={testId}>
      <figcaption>{caption}</figcaption>
      {spec ? (
        <div
          className="report-chart"
          style={spec.minHeightPx ? { minHeight: `${spec.minHeightPx}px` } : undefined}
        >
          <canvas ref={canvas} role="img" aria-label={spec.alt} data-testid={`${testId}-canvas`} />
        </div>
      ) : (
        <p className="report-chart-empty">{empty}</p>
      )}
    </figure>
  );
}
