/**
 * `npm run simulate`: a realistic day (or several) at the demo centre, driven over HTTP
 * and Socket.IO against the real server with its clock injected; reports waits,
 * utilisation, the wait estimator's error and the server's latency. Options:
 * `--load N` (arrivals × N, default 1 ≈ 800 a day), `--seed S`, `--days N` (default 1),
 * `--clock stepped|accelerated` (default stepped: the clock frozen between events, the
 * same seed gives the same day on any machine), `--speed N` (accelerated clock only:
 * default 600 ÷ the load above 1, a day in about a minute at load 1), `--until HH:MM`
 * (cut each day there), `--out FILE` (default bench/SIMULATION.md; JSON beside it),
 * `--append` (add to the file's runs instead of replacing them), `--note TEXT` (a line
 * under the run's heading). Exits 1 on any 5xx, lost
 * call or count that does not add up. See docs/simulation.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { renderMarkdown } from './simulate/report';
import { DEFAULT_OPTIONS, runSimulation, type SimulationOptions } from './simulate/run';
import type { SimulationReport } from './simulate/summary';

const USAGE =
  'usage: npm run simulate -- [--load N] [--seed S] [--days N] [--clock stepped|accelerated] ' +
  '[--speed N] [--until HH:MM] ' +
  '[--out FILE] [--append] [--note TEXT]';

function parseArgs(argv: readonly string[]): {
  options: SimulationOptions;
  out: string;
  append: boolean;
} {
  const options = { ...DEFAULT_OPTIONS };
  let out = path.join('bench', 'SIMULATION.md');
  let append = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--append') {
      append = true;
      continue;
    }
    if (arg === '--help') throw new Error(USAGE);
    const value = argv[i + 1];
    if (!arg.startsWith('--') || value === undefined)
      throw new Error(`unexpected ${arg}\n${USAGE}`);
    i += 1;
    const positive = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${arg} needs a positive number`);
      return n;
    };
    if (arg === '--load') options.load = positive();
    else if (arg === '--speed') options.speed = positive();
    else if (arg === '--days') options.days = Math.ceil(positive());
    else if (arg === '--seed') options.seed = value;
    else if (arg === '--clock' && (value === 'stepped' || value === 'accelerated'))
      options.clock = value;
    else if (arg === '--note') options.note = value;
    else if (arg === '--out') out = value;
    else if (arg === '--start' && /^\d{4}-\d{2}-\d{2}$/.test(value)) options.start = value;
    else if (arg === '--until' && /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(value))
      options.until = value;
    else throw new Error(`unknown or malformed option ${arg} ${value}\n${USAGE}`);
  }
  // Above load 1 the clock slows down in proportion, so the server sees as many requests
  // a second as at load 1 (a day then takes `load` minutes): the acceleration, not the
  // centre, would otherwise set the request rate (8,000 visitors in a minute is 130 a
  // second, a throughput test rather than a day).
  if (!argv.includes('--speed') && options.load > 1)
    options.speed = DEFAULT_OPTIONS.speed / options.load;
  return { options, out, append };
}

async function main(): Promise<void> {
  const { options, out, append } = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`simulate: ${line}\n`);
  if (options.clock === 'stepped' && process.argv.includes('--speed'))
    log('--speed applies to --clock accelerated only; the stepped clock ignores it');
  const report = await runSimulation({ ...options, log });
  const jsonFile = out.replace(/\.md$/, '') + '.json';
  let reports: SimulationReport[] = [report];
  if (append && fs.existsSync(jsonFile)) {
    const earlier = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as SimulationReport[];
    reports = [...earlier, report];
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  // Written as the repository's formatter writes them, so `prettier --check .` passes.
  const write = async (file: string, text: string) => {
    const config = (await prettier.resolveConfig(path.resolve(file))) ?? {};
    fs.writeFileSync(file, await prettier.format(text, { ...config, filepath: file }));
  };
  await write(jsonFile, JSON.stringify(reports, null, 2));
  const markdown = renderMarkdown(reports);
  await write(out, markdown);
  process.stdout.write(markdown.split('\n').slice(4).join('\n'));
  log(`written to ${out} and ${jsonFile}`);
  if (report.failures.length > 0) {
    log(`FAILED: ${report.failures.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `simulate: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
