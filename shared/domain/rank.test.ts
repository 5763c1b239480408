import { describe, expect, it } from 'vitest';
import { isValidRank, rankBetween, rankSequence } from './rank.ts';

function seeded(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('fractional ranks', () => {
  it('puts a rank strictly between its neighbours', () => {
    for (const [a, b] of [[null, null], ['V', null], [null, 'V'], ['V', 'W'], ['V001', 'V002'], ['1', '2'], ['0zzz', '1'], ['z', null], [null, '01']] as const) {
      const r = rankBetween(a, b);
      expect(isValidRank(r)).toBe(true);
      if (a !== null) expect(r > a).toBe(true);
      if (b !== null) expect(r < b).toBe(true);
    }
  });

  it('refuses neighbours in the wrong order', () => {
    expect(() => rankBetween('W', 'V')).toThrow();
    expect(() => rankBetween('V', 'V')).toThrow();
  });

  it('keeps ranks short when items are appended or prepended one by one', () => {
    const ranks = rankSequence(10_000);
    expect([...ranks].sort()).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(Math.max(...ranks.map((r) => r.length))).toBeLessThanOrEqual(4);
    let top: string | null = null;
    for (let i = 0; i < 10_000; i++) {
      const next = rankBetween(null, top);
      if (top !== null) expect(next < top).toBe(true);
      top = next;
    }
    expect(top!.length).toBeLessThanOrEqual(5);
  });

  it('stays ordered under 5,000 random inserts between neighbours (seeded)', () => {
    const random = seeded(42);
    const list: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const at = Math.floor(random() * (list.length + 1));
      const r = rankBetween(list[at - 1] ?? null, list[at] ?? null);
      list.splice(at, 0, r);
    }
    expect([...list].sort()).toEqual(list);
    expect(new Set(list).size).toBe(list.length);
    expect(list.every(isValidRank)).toBe(true);
  });
});
