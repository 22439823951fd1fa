/**
 * `npm run seed:history -- --years N` (or `--days N`) writes a realistic past into the
 * database under LUOT_DATA_DIR, for benchmarks and demos. Options: `--end YYYY-MM-DD`
 * (last day, default yesterday in the centre's zone), `--seed S` (same seed, same
 * history), `--per-day N` (visitors on an ordinary weekday, default 780), `--force` (seed
 * a period that already holds tickets, leaving those days as they are), `--no-packs`
 * (leave the reports' daily packs to be built when first read). See docs/reports.md.
 */
import { loadConfig } from '../server/src/config';
import { DEFAULT_PER_DAY, seedHistory, SeedRefusedError } from './history/seed';

const USAGE =
  'usage: npm run seed:history -- (--years N | --days N) [--end YYYY-MM-DD] [--seed S] ' +
  '[--per-day N] [--force] [--no-packs]';

function parseArgs(argv: readonly string[]): Record<string, string | true> {
  const args: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new SeedRefusedError(`unexpected argument ${arg}\n${USAGE}`);
    const name = match[1] as string;
    if (match[2] !== undefined) args[name] = match[2];
    else if (name === 'force' || name === 'no-packs' || name === 'help') args[name] = true;
    else {
      const value = argv[i + 1];
      if (value === undefined) throw new SeedRefusedError(`--${name} needs a value\n${USAGE}`);
      args[name] = value;
      i += 1;
    }
  }
  const known = ['years', 'days', 'end', 'seed', 'per-day', 'force', 'no-packs', 'help'];
  for (const name of Object.keys(args))
    if (!known.includes(name)) throw new SeedRefusedError(`unknown option --${name}\n${USAGE}`);
  return args;
}

const whole = (args: Record<string, string | true>, name: string): number | undefined => {
  const value = args[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value))
    throw new SeedRefusedError(`--${name} must be a whole number`);
  return Number(value);
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig(process.env);
  const years = whole(args, 'years');
  const days = whole(args, 'days');
  if (years !== undefined && days !== undefined)
    throw new SeedRefusedError('give --years or --days, not both');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`seed:history into ${config.databaseFile}`);
  const result = await seedHistory({
    databaseFile: config.databaseFile,
    ...(days !== undefined ? { days } : { years: years ?? 1 }),
    ...(typeof args.end === 'string' && { end: args.end }),
    seed: typeof args.seed === 'string' ? args.seed : 'luot',
    force: args.force === true,
    perDay: whole(args, 'per-day') ?? DEFAULT_PER_DAY,
    packs: args['no-packs'] !== true,
    timeZone: config.timeZone,
    log,
  });
  log(
    `done: ${result.from} … ${result.to}, ${result.tickets.toLocaleString('en')} tickets, ` +
      `${result.ratings.toLocaleString('en')} ratings, ${result.pauses.toLocaleString('en')} pauses, ` +
      `${result.shifts.toLocaleString('en')} shifts` +
      (result.skippedDays > 0 ? `, ${result.skippedDays} day(s) already held tickets` : ''),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof SeedRefusedError
      ? `seed:history refused: ${error.message}\n`
      : `seed:history failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
