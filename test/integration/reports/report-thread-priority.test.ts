import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { ReportService } from '../../../server/src/services/reports/report-service';
import {
  buildReportFixture,
  REPORT_FROM,
  REPORT_TO,
  type ReportFixture,
} from '../../support/report-fixture';

/** Linux's scheduling policy of each thread of this process (0 normal, 5 `SCHED_IDLE`). */
function threadPolicies(): Map<string, number> {
  const policies = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const sched = fs.readFileSync(`/proc/self/task/${tid}/sched`, 'utf8');
      const policy = /^policy\s*:\s*(\d+)$/m.exec(sched)?.[1];
      if (policy !== undefined) policies.set(tid, Number(policy));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return policies;
}

const SCHED_IDLE = 5;
/** Where the kernel says each thread's policy and util-linux's `chrt` can set it. */
function canSeePolicies(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (!fs.existsSync('/proc/self/sched')) return 'no /proc/<pid>/sched (kernel without it)';
  try {
    execFileSync('chrt', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'no chrt (util-linux)';
  }
  return null;
}
const unable = canSeePolicies();
const describeOnLinux = unable === null ? describe : describe.skip;
if (unable !== null) console.warn(`report thread priority tests skipped: ${unable}`);

/**
 * The report and export threads run under SCHED_IDLE (thread-priority.ts): they give a core
 * up as soon as a normal thread wakes, so a report never delays a ticket's issue. Real
 * worker threads; read from the kernel's own account of each thread.
 */
describeOnLinux('report threads run under SCHED_IDLE', () => {
  let f: ReportFixture;
  let service: ReportService;

  beforeEach(() => {
    f = buildReportFixture();
    service = new ReportService(f.repos, f.services.settings, f.clock, { thread: true });
  });
  afterEach(async () => {
    await service.close();
    f.close();
  });

  test('the report thread and the export thread, and no other thread of the process', async () => {
    const before = threadPolicies();
    expect([...before.values()].filter((p) => p === SCHED_IDLE)).toEqual([]);

    await service.summary({ from: REPORT_FROM, to: REPORT_TO, groupBy: 'service' });
    const afterReport = threadPolicies();
    const idle = [...afterReport].filter(([, p]) => p === SCHED_IDLE).map(([tid]) => tid);
    expect(idle).toHaveLength(1);
    expect(before.has(idle[0]!)).toBe(false);

    await service.export({ from: REPORT_FROM, to: REPORT_TO, groupBy: 'service' }, 'csv');
    const afterExport = threadPolicies();
    expect([...afterExport.values()].filter((p) => p === SCHED_IDLE)).toHaveLength(2);
    // The main thread (the process's own id) keeps the normal policy.
    expect(afterExport.get(String(process.pid))).toBe(0);
  });
});
