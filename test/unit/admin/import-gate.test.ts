import { DomainError } from '../../../server/src/domain/errors';
import { ImportGate } from '../../../server/src/services/admin/import-gate';

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('ImportGate', () => {
  test('refuses a second import while one runs, and lets the next one in after', async () => {
    const gate = new ImportGate();
    let finish!: () => void;
    const first = gate.run(() => new Promise<string>((resolve) => (finish = () => resolve('a'))));
    expect(await codeOf(gate.run(() => 'b'))).toBe('rate_limited');
    finish();
    expect(await first).toBe('a');
    expect(await gate.run(() => 'c')).toBe('c');
  });

  test('is taken before anything is awaited: two calls in one tick, one refused', async () => {
    const gate = new ImportGate();
    const results = await Promise.all([
      codeOf(gate.run(async () => 'x')),
      codeOf(gate.run(async () => 'y')),
    ]);
    expect(results).toEqual(['ok', 'rate_limited']);
  });

  test('is released when an import fails', async () => {
    const gate = new ImportGate();
    await expect(gate.run(() => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(await gate.run(() => 2)).toBe(2);
  });
});
