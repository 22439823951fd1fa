import {
  FormProblem,
  changedFields,
  formOf,
  parseHours,
  settingsOf,
} from '../../../admin-ui/src/pages/centre-form';
import { DEFAULT_SETTINGS } from '../../../server/src/contract/settings';
import { settingsPatchSchema } from '../../../server/src/contract/schemas';

const dayName = (day: string) => `day ${day}`;
const fieldName = (field: string) => field;

describe('the centre settings form', () => {
  test('shows stored settings and gives them back unchanged: nothing to send', () => {
    const form = formOf(DEFAULT_SETTINGS);

    const settings = settingsOf(form, dayName, fieldName);

    expect(changedFields(DEFAULT_SETTINGS, settings)).toEqual({});
    expect(form.openingHours['1']).toBe('07:30-11:30, 13:30-17:00');
    expect(form.openingHours['0']).toBe('');
  });

  test('sends only what changed, in a shape the server accepts', () => {
    const form = formOf(DEFAULT_SETTINGS);
    form.centreName = '  Trung tâm Lâm Đồng ';
    form.openingHours['6'] = '08:00-12:00';
    form.policyMode = 'interleave';
    form.policyEvery = '4';
    form.holidays = '2026-09-02\n\n2026-09-01';

    const patch = changedFields(DEFAULT_SETTINGS, settingsOf(form, dayName, fieldName));

    expect(patch).toEqual({
      centreName: 'Trung tâm Lâm Đồng',
      openingHours: { ...DEFAULT_SETTINGS.openingHours, '6': [{ open: '08:00', close: '12:00' }] },
      priorityPolicy: { mode: 'interleave', every: 4 },
      holidays: ['2026-09-02', '2026-09-01'],
    });
    expect(settingsPatchSchema.safeParse(patch).success).toBe(true);
  });

  test.each([
    ['07:30-25:00'],
    ['7:30-11:30'],
    ['11:30-07:30'],
    ['07:30-11:30, 11:00-12:00'],
    ['24:00-24:00'],
    ['07:30'],
  ])('refuses the hours %s, naming the day', (text) => {
    expect(() => parseHours(text, 'Thứ Hai')).toThrow(FormProblem);
    try {
      parseHours(text, 'Thứ Hai');
    } catch (problem) {
      expect((problem as FormProblem).params).toEqual({ day: 'Thứ Hai' });
    }
  });

  test('takes a closing time of 24:00 and an empty day', () => {
    expect(parseHours('13:00-24:00', 'x')).toEqual([{ open: '13:00', close: '24:00' }]);
    expect(parseHours('  ', 'x')).toEqual([]);
  });

  test('names the line of a list that is not in the expected form', () => {
    const form = formOf(DEFAULT_SETTINGS);
    form.priorityClasses = 'elderly | Người cao tuổi | Elderly\nchild | Trẻ em';

    expect(() => settingsOf(form, dayName, fieldName)).toThrow(
      expect.objectContaining({ params: { field: 'priorityClasses', line: 2 } }),
    );
  });

  test('refuses a holiday that is not a date', () => {
    const form = formOf(DEFAULT_SETTINGS);
    form.holidays = '2026-02-30x';

    expect(() => settingsOf(form, dayName, fieldName)).toThrow(
      expect.objectContaining({ key: 'admin.centre.badHoliday' }),
    );
  });
});
