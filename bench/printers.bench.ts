import { performance } from 'node:perf_hooks';
import { encodeTicket } from '../printers/escpos/encode-ticket';
import { buildTicketLayout } from '../printers/layout/ticket-layout';
import { SAMPLE_CENTRE, SAMPLE_TICKET } from '../printers/layout/sample';
import { renderPdf } from '../printers/render/pdf';
import { renderPng } from '../printers/render/png';

interface Figure {
  name: string;
  targetMs: number | null;
  run: () => unknown;
}

const layout = buildTicketLayout(SAMPLE_TICKET, { ...SAMPLE_CENTRE, english: true });
const ROUNDS = 50;

const figures: Figure[] = [
  {
    name: 'raster render + encode, 80 mm (576 dots)',
    targetMs: 10,
    run: () => encodeTicket(layout, { width: 576 }),
  },
  {
    name: 'raster render + encode, 58 mm (384 dots)',
    targetMs: 10,
    run: () => encodeTicket(layout, { width: 384 }),
  },
  {
    name: 'code page encode, 80 mm',
    targetMs: null,
    run: () => encodeTicket(layout, { mode: 'codepage' }),
  },
  { name: 'PNG preview, 80 mm', targetMs: null, run: () => renderPng(layout, { width: 576 }) },
  { name: 'PDF ticket, 80 mm (after the first)', targetMs: 10, run: () => renderPdf(layout) },
];

/** Runs each figure ROUNDS times after one warm-up call and prints median and 90th percentile. */
async function main(): Promise<void> {
  let missed = 0;
  for (const figure of figures) {
    await figure.run();
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      await figure.run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(ROUNDS / 2)] ?? 0;
    const p90 = times[Math.floor(ROUNDS * 0.9)] ?? 0;
    const verdict =
      figure.targetMs === null ? '' : median <= figure.targetMs ? ' ok' : ' OVER TARGET';
    if (verdict === ' OVER TARGET') missed++;
    const target = figure.targetMs === null ? '' : ` (target median ≤ ${figure.targetMs} ms)`;
    console.log(
      `${figure.name}: median ${median.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms${target}${verdict}`,
    );
  }
  if (missed > 0) console.log(`${missed} figure(s) over target`);
}

void main();
