import type { CentreSettings } from '../../server/src/contract/settings';
import { DomainError } from '../../server/src/domain/errors';
import { SettingsService } from '../../server/src/services/admin/settings-service';
import { CommandRunner } from '../../server/src/services/core/command-runner';
import { openDatabase } from '../../server/src/storage/database';
import { migrate } from '../../server/src/storage/migrate';
import { createRepos } from '../../server/src/storage/repos';
import { useSharedQueueFixture } from '../support/queue-helpers';
import { ManualClock } from '../support/test-server';

const ADMIN = { staffId: 1, role: 'admin' as const };

/** Text that would print or show differently from what an admin sees in the form. */
const UNREADABLE: Array<[what: string, text: string]> = [
  ['a NUL', 'a\u0000b'],
  ['a C1 control', 'a\u0085b'],
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate', 'a\udc00b'],
  ['a right-to-left override', '\u202Eevil'],
  ['a left-to-right embedding', 'a\u202Ab'],
  ['a first-strong isolate', 'a\u2068b\u2069'],
  ['a right-to-left mark', 'a\u200Fb'],
  ['an Arabic letter mark', 'a\u061Cb'],
  ['a zero-width space', 'a\u200Bb'],
  ['a byte order mark', 'a\uFEFFb'],
  ['a line separator', 'a\u2028b'],
  ['a tag character', 'a\u{E0041}b'],
];

/** Each human-readable setting, as a patch holding `text`. */
const FIELDS: Array<[field: string, patch: (text: string) => Record<string, unknown>]> = [
  ['centreName', (text) => ({ centreName: text })],
  ['pauseReasons', (text) => ({ pauseReasons: ['Họp', text] })],
  [
    'priorityClasses.name',
    (text) => ({ priorityClasses: [{ code: 'x', name: text, nameEn: 'X' }] }),
  ],
  [
    'priorityClasses.nameEn',
    (text) => ({ priorityClasses: [{ code: 'x', name: 'X', nameEn: text }] }),
  ],
  ['ticketThankYou', (text) => ({ ticketThankYou: text })],
];

describe('PATCH /api/settings with unreadable text', () => {
  const f = useSharedQueueFixture();
  let before: CentreSettings;

  beforeAll(async () => {
    before = (await f.admin.get<CentreSettings>('/api/settings')).body;
  });

  describe.each(FIELDS)('in %s', (_field, patch) => {
    test.each(UNREADABLE)(
      'refuses %s with 400 validation_failed and changes nothing',
      async (_what, text) => {
        const response = await f.admin.request('PATCH', '/api/settings', { body: patch(text) });

        expect(response).toMatchObject({
          status: 400,
          body: { error: { code: 'validation_failed' } },
        });
        expect((await f.admin.get<CentreSettings>('/api/settings')).body).toEqual(before);
      },
    );
  });

  test('accepts Vietnamese typed decomposed, storing it in NFC, and an emoji joined with ZWJ', async () => {
    const name = 'Trung tâm Hành chính công'.normalize('NFD');
    const thanks = 'Cảm ơn 👩\u200D💻';

    const response = await f.admin.request<CentreSettings>('PATCH', '/api/settings', {
      body: { centreName: name, ticketThankYou: thanks },
    });

    expect(response.status).toBe(200);
    expect(response.body.centreName).toBe(name.normalize('NFC'));
    expect(response.body.ticketThankYou).toBe(thanks);
  });
});

describe('SettingsService.update()', () => {
  let db: ReturnType<typeof openDatabase>;
  let settings: SettingsService;

  beforeEach(() => {
    db = openDatabase(':memory:');
    migrate(db);
    const repos = createRepos(db);
    const runner = new CommandRunner(repos, new ManualClock(), {
      publish: () => undefined,
      endAccess: () => undefined,
    });
    settings = new SettingsService(repos, runner);
  });

  afterEach(() => db.close());

  test('validates a patch before anything walks it: a deeply nested one is refused, not a stack overflow', () => {
    // Deeper than any body parser lets through, as a caller other than HTTP could send.
    let nested: unknown = 'x';
    for (let depth = 0; depth < 200_000; depth += 1) nested = [nested];

    const refusal = captureError(() => settings.update({ centreName: nested }, ADMIN, null));

    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'validation_failed' });
  });

  test('names the field whose text it refuses', () => {
    for (const [field, patch] of FIELDS) {
      const refusal = captureError(() => settings.update(patch('\u202Eevil'), ADMIN, null));
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ code: 'validation_failed' });
      for (const part of field.split('.')) expect((refusal as Error).message).toContain(part);
    }
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}
