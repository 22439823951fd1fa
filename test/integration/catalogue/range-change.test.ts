import type { ServiceConfig } from '../../../server/src/contract';
import { errorOf, expectStatus, issue } from '../../support/queue-helpers';
import { createService, useEmptyCentre } from './support';

const { f } = useEmptyCentre();

const setRange = async (service: ServiceConfig, numberRange: object | null) =>
  expectStatus(
    await f.admin.request('PATCH', `/api/services/${service.id}`, { body: { numberRange } }),
    200,
  );

const issueNumbers = async (serviceId: number, count: number): Promise<string[]> => {
  const numbers: string[] = [];
  for (let i = 0; i < count; i += 1)
    numbers.push((await issue(f.anonymous, serviceId)).ticket.number);
  return numbers;
};

describe('changing a number range mid-day', () => {
  test('lowering the start goes on after the highest number issued today', async () => {
    const service = await createService(f.admin, {
      name: 'Hộ tịch',
      prefix: 'A',
      numberRange: { from: 1001, to: 1999 },
    });
    expect(await issueNumbers(service.id, 3)).toEqual(['A1001', 'A1002', 'A1003']);
    await setRange(service, { from: 1000, to: 1999 });
    expect(await issueNumbers(service.id, 2)).toEqual(['A1004', 'A1005']);
  });

  test('raising the start jumps to the new range', async () => {
    const service = await createService(f.admin, {
      name: 'Hộ tịch',
      prefix: 'A',
      numberRange: { from: 1001, to: 1999 },
    });
    await issueNumbers(service.id, 3);
    await setRange(service, { from: 1500, to: 1999 });
    expect(await issueNumbers(service.id, 2)).toEqual(['A1503', 'A1504']);
    await setRange(service, { from: 1001, to: 1999 });
    expect(await issueNumbers(service.id, 1)).toEqual(['A1505']);
  });

  test('a lowered range still ends at its end, refused with 422 not 500', async () => {
    const service = await createService(f.admin, {
      name: 'Hộ tịch',
      prefix: 'A',
      numberRange: { from: 1001, to: 1003 },
    });
    await issueNumbers(service.id, 2);
    await setRange(service, { from: 1000, to: 1003 });
    expect(await issueNumbers(service.id, 1)).toEqual(['A1003']);
    const refused = await f.anonymous.post('/api/tickets', { serviceId: service.id });
    expect(errorOf(refused, 422).code).toBe('daily_cap_reached');
  });

  test('dropping the range goes on after the highest number issued today', async () => {
    const service = await createService(f.admin, {
      name: 'Hộ tịch',
      prefix: 'A',
      numberRange: { from: 1001, to: 1999 },
    });
    await issueNumbers(service.id, 2);
    await setRange(service, null);
    expect(await issueNumbers(service.id, 1)).toEqual(['A1003']);
  });

  test('a service taking over a range another used today skips the numbers it issued', async () => {
    const first = await createService(f.admin, {
      name: 'Một',
      prefix: 'A',
      numberRange: { from: 1001, to: 1999 },
    });
    expect(await issueNumbers(first.id, 2)).toEqual(['A1001', 'A1002']);
    await setRange(first, { from: 2001, to: 2999 });
    const second = await createService(f.admin, {
      name: 'Hai',
      prefix: 'A',
      numberRange: { from: 1001, to: 1999 },
    });
    expect(await issueNumbers(second.id, 2)).toEqual(['A1003', 'A1004']);
    expect(await issueNumbers(first.id, 1)).toEqual(['A2003']);
  });

  test('a changed prefix and range never give a 5xx, and every number differs', async () => {
    const service = await createService(f.admin, {
      name: 'Hộ tịch',
      prefix: 'A',
      numberRange: { from: 1, to: 50 },
    });
    const ranges = [
      { prefix: 'A', numberRange: { from: 1, to: 50 } },
      { prefix: 'A', numberRange: { from: 20, to: 50 } },
      { prefix: 'B', numberRange: { from: 1, to: 50 } },
      { prefix: 'A', numberRange: null },
      { prefix: 'A', numberRange: { from: 1, to: 50 } },
    ];
    const numbers: string[] = [];
    for (const body of ranges) {
      expectStatus(await f.admin.request('PATCH', `/api/services/${service.id}`, { body }), 200);
      for (let i = 0; i < 3; i += 1) {
        const answer = await f.anonymous.post<{ ticket: { number: string } }>('/api/tickets', {
          serviceId: service.id,
        });
        numbers.push(expectStatus(answer, 201).ticket.number);
      }
    }
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
