import path from 'node:path';
import type { CentreSettings } from '../../../server/src/contract/settings';
import { DEFAULT_SETTINGS } from '../../../server/src/contract/settings';
import { CommandRunner } from '../../../server/src/services/core/command-runner';
import { SettingsService } from '../../../server/src/services/admin/settings-service';
import { openDatabase } from '../../../server/src/storage/database';
import { migrate } from '../../../server/src/storage/migrate';
import { createRepos } from '../../../server/src/storage/repos';
import { ApiClient } from '../../support/api-client';
import { ManualClock, startTestServer, tempDataDir } from '../../support/test-server';

/** Rows a newer version, a hand edit or a half-finished downgrade could leave behind. */
const BAD_ROWS: Array<[key: string, json: string, reason: RegExp]> = [
  ['retiredSetting', '"on"', /unknown setting/],
  ['ticketEnglish', '"sometimes"', /./],
  ['cutoffMinutes', 'not json {', /not JSON/],
  ['openingHours', '{"1":[{"open":"11:00","close":"08:00"}]}', /not before closing/],
];

function writeBadRows(run: (sql: string, params: unknown[]) => unknown): void {
  for (const [key, json] of BAD_ROWS) {
    run(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [key, json],
    );
  }
}

describe('stored settings', () => {
  test('a stored setting that cannot be read is skipped and the others keep their values after a restart', async () => {
    const dataDir = tempDataDir();
    const clock = new ManualClock();
    const first = await startTestServer({ dataDir, clock });
    const admin = new ApiClient(first.url);
    await admin.login(first.adminUsername, first.adminPassword);
    const kept = { kioskPolicy: 'paired', recallLimit: 5, centreName: 'Trung tâm Quận Một' };
    expect((await admin.request('PATCH', '/api/settings', { body: kept })).status).toBe(200);
    const db = first.server.application.repos.db;
    writeBadRows((sql, params) => db.run(sql, params));
    await first.stop();

    const second = await startTestServer({ dataDir, clock });
    try {
      const again = new ApiClient(second.url);
      await again.login(second.adminUsername, second.adminPassword);
      const settings = (await again.get<CentreSettings>('/api/settings')).body;
      expect(settings).toMatchObject(kept);
      expect(settings.ticketEnglish).toBe(DEFAULT_SETTINGS.ticketEnglish);
      expect(settings.cutoffMinutes).toBe(DEFAULT_SETTINGS.cutoffMinutes);
      expect(settings.openingHours).toEqual(DEFAULT_SETTINGS.openingHours);
      expect(settings).not.toHaveProperty('retiredSetting');

      // The paired policy really holds: an unpaired kiosk is refused.
      const kiosk = await new ApiClient(second.url).post('/api/tickets', { serviceId: 1 });
      expect(kiosk.body).toMatchObject({ error: { code: 'kiosk_not_paired' } });

      // Changing a skipped setting overwrites its bad row.
      const patched = await again.request('PATCH', '/api/settings', {
        body: { cutoffMinutes: 10 },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ ...kept, cutoffMinutes: 10 });
    } finally {
      await second.stop();
    }
  });

  test('logs each skipped row with its key and why', () => {
    const db = openDatabase(path.join(tempDataDir(), 'luot.db'));
    try {
      migrate(db);
      const repos = createRepos(db);
      repos.settings.set('recallLimit', 7);
      writeBadRows((sql, params) => db.run(sql, params));
      const warnings: Array<{ key: string; reason: string }> = [];
      const logger = {
        warn: (details: unknown) => {
          warnings.push(details as { key: string; reason: string });
        },
      };
      const runner = new CommandRunner(repos, new ManualClock(), {
        publish: () => undefined,
        endAccess: () => undefined,
      });
      const settings = new SettingsService(repos, runner, {}, logger);

      expect(settings.current().recallLimit).toBe(7);
      expect(warnings.map((w) => w.key).sort()).toEqual(BAD_ROWS.map(([key]) => key).sort());
      for (const [key, , reason] of BAD_ROWS) {
        expect(warnings.find((w) => w.key === key)?.reason).toMatch(reason);
      }
    } finally {
      db.close();
    }
  });
});
