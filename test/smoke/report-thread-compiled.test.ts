import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** Inside node_modules so the compiled files find the packages; apart from dist/. */
const OUT = path.join(ROOT, 'node_modules/.cache/luot-smoke-report-thread');

/**
 * Through the compiled ReportThread: a database with one closed day of one finished
 * ticket, a report over it, and what the thread answered; then a checkpoint through the
 * compiled WalCheckpointer.
 */
const PROBE = `
const [out, migrations, file] = process.argv.slice(1);
const { openDatabase } = require(out + '/server/src/storage/database.js');
const { migrate, loadMigrations } = require(out + '/server/src/storage/migrate.js');
const { ReportThread } = require(out + '/server/src/services/reports/report-thread.js');
const { WalCheckpointer } = require(out + '/server/src/storage/wal-checkpointer.js');
const db = openDatabase(file);
migrate(db, loadMigrations(migrations));
const at = Date.parse('2026-03-02T08:00:00+07:00');
db.exec("INSERT INTO services (id, code, name, prefix) VALUES (1, 'HT', 'Hộ tịch', 'A')");
db.run(\`INSERT INTO tickets (service_id, original_service_id, day, sequence, number, status,
  issued_at, called_at, serving_at, finished_at, tracking_token)
  VALUES (1, 1, '2026-03-02', 1, 'A001', 'done', ?, ?, ?, ?, 'x')\`,
  [at, at + 4 * 60000, at + 5 * 60000, at + 11 * 60000]);
const thread = new ReportThread(file);
thread.run({
  from: '2026-03-02', to: '2026-03-03', groupBy: 'service', serviceId: null, counterId: null,
  scope: { timeZone: 'Asia/Ho_Chi_Minh', today: '2026-03-03', now: at + 86400000 },
  centre: { name: 'x', address: '' }, ratingScale: [], satisfiedFrom: 3, packs: 'build',
}, 60000).then(async (json) => {
  await thread.close();
  const summary = JSON.parse(json);
  const packs = db.get('SELECT COUNT(*) AS n FROM report_days').n;
  // The WAL checkpoint thread, from its compiled entry too.
  const checkpointer = new WalCheckpointer(db, { everyMs: 10, minChanges: 1 });
  db.run("UPDATE services SET name = 'Hộ tịch – chứng thực' WHERE id = 1");
  while (!checkpointer.last) await new Promise((resolve) => setTimeout(resolve, 10));
  const { last } = checkpointer;
  await checkpointer.close();
  db.close();
  process.stdout.write(JSON.stringify({
    issued: summary.total.issued, wait: summary.total.waitMinutes.mean,
    service: summary.total.serviceMinutes.mean, packs,
    checkpointed: !('error' in last) && last.log > 0 && last.checkpointed === last.log,
  }));
});
`;

describe('the report and checkpoint threads of the compiled server', () => {
  afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

  test('run their compiled entry scripts, with no TypeScript loader', () => {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT],
      { cwd: ROOT, stdio: 'ignore' },
    );
    expect(
      fs.existsSync(path.join(OUT, 'server/src/services/reports/report-thread-entry.js')),
    ).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-report-thread-'));

    const answer = execFileSync(
      process.execPath,
      [
        '-e',
        PROBE,
        OUT,
        path.join(ROOT, 'server/src/storage/migrations'),
        path.join(dir, 'luot.db'),
      ],
      // Never longer than the test: a probe that hangs fails it.
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );

    // One ticket: waited 4 minutes, served 6; its closed day packed by the thread; the
    // WAL's frames copied into the file by the checkpoint thread.
    expect(JSON.parse(answer)).toEqual({
      issued: 1,
      wait: 4,
      service: 6,
      packs: 1,
      checkpointed: true,
    });
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
