// Where the keyboard's focus is and goes, for the dialog tests.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Presses `key` until the focus comes back to the first element it reached,
 * failing if it ever lands outside `dialog` (or on nothing) on the way; returns
 * the elements visited, each named by a mark the page keeps on it.
 */
export async function tabCycle(page: Page, dialog: Locator, key: 'Tab' | 'Shift+Tab', limit = 80): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press(key);
    const at = await dialog.evaluate((d) => {
      const el = document.activeElement;
      if (!(el instanceof HTMLElement) || !d.contains(el)) return `outside: ${el?.tagName.toLowerCase() ?? 'nothing'}`;
      el.dataset['focusMark'] ??= String(document.querySelectorAll('[data-focus-mark]').length);
      return el.dataset['focusMark'];
    });
    expect(at, `${key} number ${i} took the focus out of the dialog`).not.toMatch(/^outside/);
    if (at === seen[0]) return seen;
    seen.push(at);
  }
  throw new Error(`${key} did not come back to where it started within ${limit} presses`);
}

/** Tab round the dialog, then Shift-Tab round it: the same stops, in reverse, and never outside it. */
export async function expectFocusTrapped(page: Page, dialog: Locator): Promise<void> {
  const forward = await tabCycle(page, dialog, 'Tab');
  expect(forward.length).toBeGreaterThan(1);
  const backward = await tabCycle(page, dialog, 'Shift+Tab');
  expect(backward).toEqual([...forward].reverse());
}

/** A short description of what has the focus: its test id, else its tag and label. */
export const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing';
    return el.dataset['testid'] ?? `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}`;
  });

/** The element with the focus has `testId` and, when given, `attribute` equal to `value`. */
export async function expectFocusOn(page: Page, testId: string, attribute?: [string, string]): Promise<void> {
  await expect.poll(() => focused(page)).toBe(testId);
  if (attribute) expect(await page.evaluate(([name]) => document.activeElement?.getAttribute(name!) ?? null, attribute)).toBe(attribute[1]);
}
