// The BLOCKS circle rule (shared/domain/links.ts).
import { describe, expect, it } from 'vitest';
import { blocksCircle, BLOCKS_WALK_MAX } from './links.ts';

const graph = (edges: Record<string, string[]>) => (id: string) => edges[id] ?? [];

describe('blocks links', () => {
  it('LINK-1 a link closing a circle names it, in order from the new link\'s first item back to it', () => {
    const blocks = graph({ b: ['c'], c: ['d'], d: ['a'] });
    expect(blocksCircle('a', 'b', blocks)).toEqual(['a', 'b', 'c', 'd', 'a']);
    expect(blocksCircle('a', 'b', graph({ b: ['a'] }))).toEqual(['a', 'b', 'a']);
  });

  it('LINK-1 no circle: a chain, a diamond, or a circle elsewhere', () => {
    expect(blocksCircle('a', 'b', graph({ b: ['c'], c: ['d'] }))).toBeNull();
    expect(blocksCircle('a', 'b', graph({ b: ['c', 'd'], c: ['e'], d: ['e'] }))).toBeNull();
    expect(blocksCircle('a', 'b', graph({ x: ['y'], y: ['x'] }))).toBeNull();
  });

  it('LINK-1 a walk past the limit is not finished', () => {
    const wide = (id: string) => (id === 'b' ? Array.from({ length: BLOCKS_WALK_MAX + 5 }, (_, i) => `n${i}`) : []);
    expect(blocksCircle('a', 'b', wide)).toBe('too-far');
  });
});
