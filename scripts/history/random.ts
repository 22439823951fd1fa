/**
 * A small seeded pseudo-random generator (mulberry32 over an FNV-1a hash of the seed
 * text), so `npm run seed:history -- --seed S` writes the same history every time. Each
 * day draws from its own stream (seed + day), so a day's tickets do not depend on which
 * other days the run covered.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
  /** A log-normal draw with this mean and shape (sigma of the underlying normal). */
  logNormalMean(mean: number, sigma: number): number;
  /** An index drawn with the given (non-negative) weights. */
  weighted(weights: readonly number[]): number;
  /** `length` characters of the URL-safe base64 alphabet. */
  token(length: number): string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The generator for a seed text. */
export function seededRandom(seed: string): Random {
  let state = hash(seed) || 1;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    normal,
    // The median is mean / e^(σ²/2), so the draws average `mean`.
    logNormalMean: (mean, sigma) => mean * Math.exp(sigma * normal() - (sigma * sigma) / 2),
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] as number;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    token: (length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * 64)];
      return out;
    },
  };
}
