import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as prettier from 'prettier';

/**
 * `npm run bench`: runs every bench, one at a time, each in its own process (killed with
 * its children if it overruns its time limit), and writes bench/RESULTS.md: the machine,
 * then one section per bench with the date, the load average and what it measured.
 * `tsx bench/run-all.ts queue reports` runs only the named benches (`npm run bench:queue`
 * is `queue`) and keeps the other sections as the last run wrote them. Hand-written notes
 * between `<!-- notes:NAME -->` and `<!-- /notes:NAME -->` are carried over from the
 * previous file. Exits 1 when a bench missed a target or failed (its section says which).
 */
interface Bench {
  name: string;
  title: string;
  script: string;
  timeoutMin: number;
  /** What of the output goes into RESULTS.md (default: all of it, as text). */
  extract?: (output: string) => string;
  intro?: string;
}

const between = (output: string, start: string, end: string) => {
  const from = output.indexOf(start);
  const to = output.indexOf(end, from);
  return from >= 0 && to > from ? output.slice(from + start.length, to).trim() : null;
};
const lastLine = (output: string, prefix: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .pop() ?? '';
const asText = (output: string) => `\`\`\`text\n${output.trim()}\n\`\`\``;

const BENCHES: Bench[] = [
  {
    name: 'queue',
    title: 'Queue (issue 13)',
    script: 'queue.bench.ts',
    timeoutMin: 40,
    intro: [
      '`npm run bench:queue` (`bench/queue.bench.ts`). Every server runs in a process of its own',
      '(`queue-server-child.ts`, `floor-http-sqlite.ts`, `floor-socketio.ts`, started with',
      '`--expose-gc`); every client (autocannon, HTTP, the socket.io-client screens) runs in',
      "the bench's process, so on two cores the server and its clients each have about one",
      'core, and the floors are measured the same way, in the same run, right beside Luot.',
      '',
      '- **Floor A**: bare `node:http` + one better-sqlite3 `INSERT` per request (WAL,',
      '  `synchronous=FULL`), same request bodies and headers as Luot gets. The throughput',
      "  floor is the faster of a run before and a run after Luot's; Luot gets a fresh database",
      '  and a kiosk paired through the API (`Authorization: Device …`), each request its own',
      '  `Idempotency-Key`.',
      '- **Cost growth**: one request at a time, N waiting in service 1: 100 rounds of issue',
      '  (timed) → call-next at counter 1 (timed) → start → finish, so N stays put. Waiting',
      '  tickets are seeded through the API (4 requests at a time).',
      '- **Paced**: 20 one-second windows at 50/s (open loop), Luot and floor A in turn; each',
      "  Luot window's tickets are cancelled after it (not timed): 200 → 250 waiting.",
      "- **Screens**: a call is call-next's HTTP request; latency runs to each screen's",
      '  `ticket:called`. Floor B is a bare Socket.IO server emitting the payload a Luot screen',
      '  received, triggered by an HTTP POST, alternating with Luot call by call. The last',
      "  receipt includes the screens' process reading 1,000 frames, on both sides; the CPU",
      "  row shows each side's CPU time per call (server process / screens' process).",
      '- **Memory**: server RSS and heap after two full GCs before and after 1,000 screens',
      '  connect; the week: one server, its clock jumped 24 h a day, heap after GC each day.',
      '- **FQM** (mrf345/FQM, Flask) is not installed here: its comparison is not measured.',
    ].join('\n'),
    extract: (output) =>
      [
        between(output, '<!-- queue-table -->', '<!-- /queue-table -->') ??
          asText(output.slice(-4000)),
        lastLine(output, 'queue:'),
      ].join('\n\n'),
  },
  {
    name: 'reports',
    title: 'Reports (issue 12)',
    script: 'reports.bench.ts',
    timeoutMin: 60,
    intro:
      '`npx tsx bench/reports.bench.ts`: summaries over one and ten years of seeded history ' +
      '(cached in `bench/.cache/`, seeded when missing), paced and saturating issuing beside ' +
      'reports, start-up and cold packs; the server in its own process (`bench/server-child.ts`). ' +
      'Beside each loop figure, the longest block an idle Node process saw over the same ' +
      'window (`bench/idle-loop-child.ts`): the machine’s own, which the server’s includes. ' +
      'The client reads each report as bytes, never parsing it.',
    extract: (output) => {
      const table = output.split('\n').filter((line) => line.startsWith('|'));
      return table.length > 0
        ? `${table.join('\n')}\n\n${lastLine(output, 'reports:')}`
        : asText(output.slice(-4000));
    },
  },
  {
    name: 'issue-ticket',
    title: 'Ticket issue with and without a printer',
    script: 'issue-ticket.bench.ts',
    timeoutMin: 10,
  },
  { name: 'printers', title: 'Printer encoders', script: 'printers.bench.ts', timeoutMin: 10 },
  {
    name: 'ticket-images',
    title: 'Ticket images',
    script: 'ticket-images.bench.ts',
    timeoutMin: 10,
  },
  {
    name: 'heartbeat',
    title: 'Socket.IO heartbeat, 1,000 idle screens',
    script: 'heartbeat.bench.ts',
    timeoutMin: 10,
  },
  {
    name: 'sizing',
    title: 'Sizing (Erlang C, docs/operations.md)',
    script: 'sizing.ts',
    timeoutMin: 2,
    extract: (output) => output.trim(),
  },
];

/** Run order: the reports bench seeds the ten-year history the queue bench's start-up reuses. */
const RUN_ORDER = [
  'printers',
  'ticket-images',
  'issue-ticket',
  'heartbeat',
  'reports',
  'queue',
  'sizing',
];

const RESULTS = path.join(__dirname, 'RESULTS.md');
const out = (text: string) => process.stdout.write(text);
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

let running: ReturnType<typeof spawn> | null = null;
const killRunning = () => {
  if (running?.pid) {
    try {
      process.kill(-running.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
};
process.on('SIGINT', () => {
  killRunning();
  process.exit(130);
});

/** Runs one bench, echoing its output; answers the output and how it ended. */
function run(
  bench: Bench,
): Promise<{ output: string; errors: string; code: number | null; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, bench.script)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running = child;
    let output = '';
    let errors = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
      process.stderr.write(chunk);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      out(chunk.toString('utf8'));
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killRunning();
    }, bench.timeoutMin * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      running = null;
      resolve({ output, errors, code, timedOut });
    });
  });
}

const sectionMarks = (name: string) => [`<!-- section:${name} -->`, `<!-- /section:${name} -->`];
const noteMarks = (name: string) => [`<!-- notes:${name} -->`, `<!-- /notes:${name} -->`];

function machine(): string {
  const cpus = os.cpus();
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    commit = 'unknown';
  }
  return [
    `- Written ${utc(new Date())} by \`npm run bench\` (\`bench/run-all.ts\`), commit ${commit}.`,
    `- \`nproc\` ${os.availableParallelism()}, ${cpus[0]?.model ?? 'unknown CPU'}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}.`,
    `- Load average (1, 5, 15 min) at the end: ${load()}. The machine is shared with other`,
    '  work: each section gives the load average before and after it ran; figures taken while',
    '  others build or test are noisier (tails most of all) than on a quiet machine.',
  ].join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length > 0) throw new Error(`no bench named ${unknown.join(', ')}`);
  const previous = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '';
  const sections = new Map<string, string>();
  let failed = false;
  for (const name of RUN_ORDER) {
    const bench = BENCHES.find((candidate) => candidate.name === name)!;
    const [start, end] = sectionMarks(bench.name) as [string, string];
    if (only.length > 0 && !only.includes(bench.name)) {
      const kept = between(previous, start, end);
      sections.set(
        name,
        `${start}\n${kept ?? `## ${bench.title}\n\nNot run yet: \`tsx bench/run-all.ts ${bench.name}\`.`}\n${end}`,
      );
      continue;
    }
    out(`\n=== ${bench.title} (bench/${bench.script}) ===\n`);
    const before = load();
    const began = new Date();
    const startedAt = performance.now();
    const { output, errors, code, timedOut } = await run(bench);
    const minutes = (performance.now() - startedAt) / 60_000;
    if (code !== 0) failed = true;
    const [noteStart, noteEnd] = noteMarks(bench.name) as [string, string];
    const notes = between(previous, noteStart, noteEnd);
    const ended = timedOut
      ? `**stopped after ${bench.timeoutMin} min** (time limit)`
      : code === 0
        ? 'exit 0'
        : `**exit ${code}** (${code === 1 ? 'a target missed, or an error below' : 'failed'})`;
    sections.set(
      name,
      [
        start,
        `## ${bench.title}`,
        '',
        `Ran ${utc(began)}, ${minutes.toFixed(1)} min, load average ${before} → ${load()}; ${ended}.`,
        ...(bench.intro ? ['', bench.intro] : []),
        '',
        (bench.extract ?? asText)(output),
        ...(code !== 0 && errors.trim()
          ? ['', 'Errors (last lines):', '', asText(errors.slice(-1500))]
          : []),
        ...(notes === null ? [] : ['', noteStart, notes, noteEnd]),
        end,
      ].join('\n'),
    );
  }
  const text = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (every bench) or `npm run bench:queue` (the queue section',
    'only); do not edit by hand except between `<!-- notes:… -->` markers, which are kept.',
    '',
    '## Machine',
    '',
    machine(),
    '',
    ...BENCHES.flatMap((bench) => [sections.get(bench.name)!, '']),
  ].join('\n');
  // Formatted as the repository's own Markdown, so `npm run lint` (prettier --check) passes.
  const options = (await prettier.resolveConfig(RESULTS)) ?? {};
  fs.writeFileSync(RESULTS, await prettier.format(text, { ...options, filepath: RESULTS }));
  out(`\nwrote ${path.relative(process.cwd(), RESULTS)}\n`);
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  killRunning();
  process.stderr.write(`${String(error)}\n`);
  process.exit(2);
});
