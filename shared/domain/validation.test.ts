// Input rules against hostile text (issue "Hardening", rules HARD-1 and HARD-5).
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { LIMITS, checkCommentBody, checkDescription, checkLabels, checkSprintName, checkTitle } from './validation.ts';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
};

/** An array that counts how many of its elements were read. */
function counted(values: string[]) {
  const reads = { count: 0 };
  const proxy = new Proxy(values, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.count += 1;
      return Reflect.get(target, key, receiver);
    },
  });
  return { proxy, reads };
}

describe('HARD-1 work is bounded before it starts', () => {
  it('HARD-1a a list of 50,000 labels is refused without reading it', () => {
    const { proxy, reads } = counted(Array.from({ length: 50_000 }, (_, i) => `l${i}`));
    expect(refusal(() => checkLabels(proxy))).toEqual({ field: 'labels', message: `An item has at most ${LIMITS.labelsPerItem} labels` });
    expect(reads.count).toBe(0);
  });

  it('HARD-1b distinct labels past the limit stop the reading at the first one too many', () => {
    const { proxy, reads } = counted(Array.from({ length: 60 }, (_, i) => `l${i}`));
    expect(refusal(() => checkLabels(proxy)).field).toBe('labels');
    expect(reads.count).toBe(LIMITS.labelsPerItem + 1);
  });

  it('HARD-1c repeats are forgiven: trimmed, unique, sorted', () => {
    expect(checkLabels([' b', 'a', 'b ', 'a'])).toEqual(['a', 'b']);
  });
});

describe('HARD-5 text is well-formed', () => {
  it('HARD-5a a lone UTF-16 surrogate is refused in every text field', () => {
    const lone = 'ok \uD800 not ok';
    expect(refusal(() => checkTitle(lone)).field).toBe('title');
    expect(refusal(() => checkDescription(lone)).field).toBe('description');
    expect(refusal(() => checkCommentBody(lone)).field).toBe('body');
    expect(refusal(() => checkLabels([lone])).field).toBe('labels');
    expect(refusal(() => checkSprintName(lone)).field).toBe('name');
  });

  it('HARD-5b a paired surrogate (an emoji) is fine', () => {
    expect(checkTitle('Ship it 🚀')).toBe('Ship it 🚀');
  });

  it('HARD-5c control characters are refused; newlines and tabs are not', () => {
    expect(refusal(() => checkTitle('bell\u0007')).message).toMatch(/control character/);
    expect(refusal(() => checkDescription('nul\u0000')).field).toBe('description');
    expect(refusal(() => checkCommentBody('c1\u0085')).field).toBe('body');
    expect(checkDescription('line one\n\tline two')).toBe('line one\n\tline two');
  });

  it('HARD-5d a title or name of only zero-width or space characters is refused', () => {
    expect(refusal(() => checkTitle('\u200B\u200C\u200D\u2060\uFEFF')).message).toMatch(/visible character/);
    expect(refusal(() => checkSprintName('\u00A0\u200B')).field).toBe('name');
    expect(refusal(() => checkLabels(['\u200B'])).field).toBe('labels');
    expect(checkTitle('\u200BA')).toBe('\u200BA');
  });
});
