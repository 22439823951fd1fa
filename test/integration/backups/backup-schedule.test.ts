import fs from 'node:fs';
import type { BackupListResponse, BackupResponse } from '../../../server/src/contract';
import { loadConfig } from '../../../server/src/config';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { MINUTE, vietnamTime } from '../../support/queue-helpers';
import { ManualClock } from '../../support/test-server';
import { ADMIN_PASSWORD, folderNames, startBackupServer } from './backup-server';

const DAY = 24 * 60 * MINUTE;

describe('the daily automatic backup (Asia/Ho_Chi_Minh, clock injected)', () => {
  test('runs from 02:00 once a day, and keeps the newest LUOT_BACKUP_KEEP automatic ones', async () => {
    const clock = new ManualClock(vietnamTime('2026-11-27', '01:30'));
    const server = await startBackupServer({ clock, env: { LUOT_BACKUP_KEEP: '2' } });
    try {
      const schedule = server.server.application.backupSchedule;
      const admin = new ApiClient(server.url);
      await admin.login('admin', ADMIN_PASSWORD);

      expect(await schedule.tick()).toBeNull();
      clock.set(vietnamTime('2026-11-27', '02:00'));
      const first = await schedule.tick();
      expect(first).toEqual(
        expect.objectContaining({ name: 'luot-2026-11-26T190000Z-auto.sqlite', automatic: true }),
      );
      clock.set(vietnamTime('2026-11-27', '23:59'));
      expect(await schedule.tick()).toBeNull();
      clock.set(vietnamTime('2026-11-27', '10:00'));
      const manual = (await admin.post<BackupResponse>('/api/backups')).body.backup;
      expect(manual.automatic).toBe(false);

      // The next days: before 02:00 nothing, from 02:00 the day's, then retention.
      clock.set(vietnamTime('2026-11-28', '01:59'));
      expect(await schedule.tick()).toBeNull();
      clock.set(vietnamTime('2026-11-28', '02:00'));
      const second = await schedule.tick();
      clock.set(vietnamTime('2026-11-29', '07:45'));
      const third = await schedule.tick();

      // Two days on, the first session has expired.
      await admin.login('admin', ADMIN_PASSWORD);
      const listed = (await admin.get<BackupListResponse>('/api/backups')).body.backups;
      expect(listed.map((b) => b.name)).toEqual([third?.name, second?.name, manual.name]);
      expect(folderNames(server.backupsDir)).toHaveLength(3);
      const audit = await admin.get<{
        entries: { action: string; username: string | null; details: { removed?: string[] } }[];
      }>('/api/audit');
      const lastAuto = audit.body.entries.find((e) => e.action === 'backup.create');
      expect(lastAuto).toEqual(
        expect.objectContaining({
          username: null,
          details: expect.objectContaining({ removed: [first?.name] }),
        }),
      );
    } finally {
      await server.stop();
    }
  });

  test('takes the day’s backup soon after a start past 02:00, on its own timer', async () => {
    const clock = new ManualClock(vietnamTime('2026-11-27', '07:30'));
    const server = await startBackupServer({ clock, backups: { checkEveryMs: 20 } });
    try {
      const names = await eventually(
        () => {
          const found = folderNames(server.backupsDir).filter((n) => n.endsWith('-auto.sqlite'));
          return found.length > 0 && found;
        },
        { what: 'the automatic backup' },
      );
      expect(names).toEqual(['luot-2026-11-27T003000Z-auto.sqlite']);
      // Checked again and again the same day: still one.
      clock.advance(5 * MINUTE);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(folderNames(server.backupsDir)).toEqual(names);
    } finally {
      await server.stop();
    }
  });

  test('retries a failed run only after retryAfterMs', async () => {
    const clock = new ManualClock(vietnamTime('2026-11-27', '03:00'));
    const server = await startBackupServer({ clock, backups: { retryAfterMs: 15 * MINUTE } });
    try {
      const schedule = server.server.application.backupSchedule;
      fs.writeFileSync(server.backupsDir, 'in the way');
      expect(await schedule.tick()).toBeNull();
      fs.rmSync(server.backupsDir);
      clock.advance(14 * MINUTE);
      expect(schedule.isDue(clock.now())).toBe(false);
      clock.advance(MINUTE);
      expect(await schedule.tick()).toEqual(expect.objectContaining({ automatic: true }));
    } finally {
      await server.stop();
    }
  });

  test('is off with LUOT_BACKUP_KEEP=0; manual backups still work', async () => {
    const clock = new ManualClock(vietnamTime('2026-11-27', '09:00'));
    const server = await startBackupServer({ clock, env: { LUOT_BACKUP_KEEP: '0' } });
    try {
      expect(await server.server.application.backupSchedule.tick()).toBeNull();
      expect(server.server.application.backupSchedule.isDue(clock.now() + DAY)).toBe(false);
      const admin = new ApiClient(server.url);
      await admin.login('admin', ADMIN_PASSWORD);
      expect((await admin.post('/api/backups')).status).toBe(201);
    } finally {
      await server.stop();
    }
  });
});

describe('LUOT_BACKUP_KEEP', () => {
  test('defaults to 14 and takes 0–1000', () => {
    expect(loadConfig({}).backupKeep).toBe(14);
    expect(loadConfig({ LUOT_BACKUP_KEEP: '0' }).backupKeep).toBe(0);
    expect(loadConfig({ LUOT_BACKUP_KEEP: '1000' }).backupKeep).toBe(1000);
  });

  test.each(['-1', 'abc', '1001', '2.5', ''])('refuses %p', (value) => {
    expect(() => loadConfig({ LUOT_BACKUP_KEEP: value })).toThrow(/LUOT_BACKUP_KEEP/);
  });
});
