import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/**
 * Inside node_modules so the compiled files find the packages; apart from dist/ so this
 * test never races the build of the npm-start smoke test.
 */
const OUT = path.join(ROOT, 'node_modules/.cache/luot-smoke-escpos-thread');

/** Encodes the sample ticket through the compiled EscPosThread and reports what happened. */
const PROBE = `
const out = process.argv[1];
const { EscPosThread } = require(out + '/server/src/services/printing/escpos-thread.js');
const printers = require(out + '/printers/index.js');
const layout = printers.buildTicketLayout(printers.SAMPLE_TICKET, printers.SAMPLE_CENTRE);
const fallbacks = [];
const thread = new EscPosThread({ onFallback: (reason) => fallbacks.push(reason) });
thread.encode(layout, {}).then(async (bytes) => {
  const running = thread.running;
  await thread.close();
  const inline = printers.encodeTicket(layout, {});
  const same = Buffer.from(bytes).equals(Buffer.from(inline));
  process.stdout.write(JSON.stringify({ running, same, fallbacks }));
});
`;

describe('the ESC/POS thread of the compiled server', () => {
  afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

  test('runs its compiled entry script, with no TypeScript loader', () => {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT],
      { cwd: ROOT, stdio: 'ignore' },
    );
    expect(
      fs.existsSync(path.join(OUT, 'server/src/services/printing/escpos-thread-entry.js')),
    ).toBe(true);

    const answer = execFileSync(process.execPath, ['-e', PROBE, OUT], {
      cwd: ROOT,
      encoding: 'utf8',
    });

    expect(JSON.parse(answer)).toEqual({ running: true, same: true, fallbacks: [] });
  }, 120_000);
});
