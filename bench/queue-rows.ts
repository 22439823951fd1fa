import { out } from './queue-support';

/**
 * One figure of the queue bench: the measured figure, the floor it is compared with (run
 * in the same process and run), their ratio, the target and the verdict (null: shown,
 * not judged).
 */
export interface QueueRow {
  measure: string;
  figure: string;
  floor: string;
  ratio: string;
  target: string;
  ok: boolean | null;
}

export const rows: QueueRow[] = [];

export function record(row: Partial<QueueRow> & Pick<QueueRow, 'measure' | 'figure'>): void {
  const full: QueueRow = { floor: '', ratio: '', target: '', ok: null, ...row };
  rows.push(full);
  const verdict = full.ok === null ? '' : full.ok ? 'pass' : 'MISSED';
  out(
    `  ${full.measure}\n      figure ${full.figure}` +
      (full.floor ? ` | floor ${full.floor}` : '') +
      (full.ratio ? ` | ratio ${full.ratio}` : '') +
      (full.target ? ` | target ${full.target}` : '') +
      (verdict ? ` | ${verdict}` : ''),
  );
}

/** Formats milliseconds: one decimal under 10 ms. */
export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
export const times = (value: number) => `${value.toFixed(2)}×`;

/** The table as Markdown, for bench/RESULTS.md. */
export function markdownTable(): string {
  const lines = [
    '| Measure | Figure | Floor | Ratio | Target | Result |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.measure} | ${row.figure} | ${row.floor || '—'} | ${row.ratio || '—'} | ` +
        `${row.target || '—'} | ${row.ok === null ? '—' : row.ok ? 'pass' : '**MISSED**'} |`,
    ),
  ];
  return lines.join('\n');
}
