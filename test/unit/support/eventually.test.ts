import { eventually } from '../../support/eventually';

describe('eventually()', () => {
  test('resolves with the first truthy answer, counting a throw as not yet', async () => {
    // Arrange: refused twice, then false, then the answer.
    const answers: (() => string | false)[] = [
      () => {
        throw new Error('not yet');
      },
      () => {
        throw new Error('still not');
      },
      () => false,
      () => 'ready',
    ];
    let asked = 0;

    // Act
    const value = await eventually(() => answers[asked++]?.() ?? 'late', { intervalMs: 1 });

    // Assert
    expect(value).toBe('ready');
    expect(asked).toBe(4);
  });

  test('fails naming what it waited for, the last answer and the explanation', async () => {
    // Act
    const waited = eventually(
      () => {
        throw new Error('connection refused');
      },
      { timeoutMs: 30, intervalMs: 5, what: 'the agent', explain: () => 'log line' },
    );

    // Assert
    await expect(waited).rejects.toThrow(
      /timed out after 30 ms waiting for the agent; last: connection refused\nlog line/,
    );
  });
});
