// PNGs of the app for docs/screenshots/ (kept in the repo so the README and
// reviews can show the real UI). Overwritten on every e2e run.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');

/** Saves `docs/screenshots/<name>.png` once fonts have loaded; returns the path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`screenshot name ${JSON.stringify(name)}: use lower-case words and dashes`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // The caret blinks; hiding it keeps screenshots stable between runs.
  await page.screenshot({ path, fullPage: false, animations: 'disabled', caret: 'hide' });
  return path;
}
