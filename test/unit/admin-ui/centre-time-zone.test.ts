import {
  FormProblem,
  canonicalTimeZone as formZone,
  changedFields,
  formOf,
  settingsOf,
} from '../../../admin-ui/src/pages/centre-form';
import { settingsPatchSchema } from '../../../server/src/contract/schemas';
import { canonicalTimeZone as serverZone } from '../../../server/src/contract/service-day';
import { DEFAULT_SETTINGS } from '../../../server/src/contract/settings';

const dayName = (day: string) => `day ${day}`;
const fieldName = (field: string) => field;

const TYPED = [
  'Asia/Ho_Chi_Minh',
  '  Asia/Bangkok ',
  'asia/bangkok',
  'UTC',
  'America/New_York',
  'Mars/Olympus_Mons',
  '',
  '   ',
  '+07:00',
  'Asia/Ho_Chi_Minh'.repeat(5),
];

describe('the time zone on the centre form', () => {
  test.each(TYPED)('judges %j as the server does', (typed) => {
    const server = settingsPatchSchema.safeParse({ timeZone: typed });
    expect(formZone(typed)).toBe(serverZone(typed));
    expect(server.success ? server.data.timeZone : null).toBe(formZone(typed));
  });

  test('keeps the name typed, and fixes only its case', () => {
    expect(formZone('Asia/Ho_Chi_Minh')).toBe('Asia/Ho_Chi_Minh');
    expect(formZone(' asia/bangkok ')).toBe('Asia/Bangkok');
    expect(formZone('Nowhere/Land')).toBeNull();
  });

  test('sends the zone alone when only it changed', () => {
    const form = formOf(DEFAULT_SETTINGS);
    expect(form.timeZone).toBe('Asia/Ho_Chi_Minh');
    form.timeZone = 'Asia/Bangkok';

    const patch = changedFields(DEFAULT_SETTINGS, settingsOf(form, dayName, fieldName));

    expect(patch).toEqual({ timeZone: 'Asia/Bangkok' });
    expect(settingsPatchSchema.safeParse(patch).success).toBe(true);
  });

  test('refuses an unknown zone before sending, naming it', () => {
    const form = formOf(DEFAULT_SETTINGS);
    form.timeZone = 'Hà Nội';

    let problem: unknown;
    try {
      settingsOf(form, dayName, fieldName);
    } catch (error) {
      problem = error;
    }

    expect(problem).toBeInstanceOf(FormProblem);
    expect(problem).toMatchObject({ key: 'admin.centre.badTimeZone', params: { value: 'Hà Nội' } });
  });
});
