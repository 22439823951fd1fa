import { randomToken } from '../../../../server/src/services/queue/ticket-issuer';

describe('randomToken, the tracking token', () => {
  test('is 128 bits, URL-safe, and never repeats across refills of its pool', () => {
    // 256 tokens per draw from the CSPRNG: 2,000 span several draws.
    const tokens = Array.from({ length: 2_000 }, () => randomToken());
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    // Every byte value shows up: the bytes are random, not a counter or a zeroed pool.
    const bytes = Buffer.concat(tokens.map((token) => Buffer.from(token, 'base64url')));
    expect(bytes.length).toBe(2_000 * 16);
    expect(new Set(bytes).size).toBe(256);
  });
});
