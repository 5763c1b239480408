// A seeded pseudo-random source: mulberry32, small and good enough to choose
// operations and faults. The same seed gives the same sequence of choices.
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A pick, or undefined from an empty list. */
  maybe<T>(items: readonly T[]): T | undefined;
  /** The key of a weight table, chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const rng: Rng = {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    maybe: (items) => (items.length === 0 ? undefined : items[int(0, items.length - 1)]),
    weighted: (weights) => {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, w] of entries) {
        roll -= w;
        if (roll < 0) return key;
      }
      return entries.at(-1)![0];
    },
  };
  return rng;
}

/** A child source for one concern (ops, faults), so adding a choice to one does not reshuffle the other. */
export function fork(seed: number, salt: number): Rng {
  return mulberry32((Math.imul(seed >>> 0, 0x9e3779b1) ^ salt) >>> 0);
}

export const hex = (seed: number) => `0x${(seed >>> 0).toString(16).padStart(8, '0')}`;

/** '0x1f' or '31' as a seed. */
export function parseSeed(text: string): number {
  const value = text.trim().toLowerCase().startsWith('0x') ? parseInt(text.trim().slice(2), 16) : Number(text.trim());
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`not a seed: ${JSON.stringify(text)}`);
  return value >>> 0;
}
