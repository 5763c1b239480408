// An axe-core scan of what a page shows, for the accessibility tests.
// axe-core is evaluated into the page, as @axe-core/playwright does: that
// package's current releases need Node 22, Tandem runs on Node 20. Evaluated
// through the DevTools protocol, the script is not subject to the app's CSP.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts a scan must not find. */
const BLOCKING: ReadonlySet<ImpactValue> = new Set(['serious', 'critical']);

/**
 * The serious and critical violations in `selector` (the whole page when not
 * said), one line each: rule, impact, what it asks, and where.
 */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (include) => {
    const { axe } = window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } };
    const results = await axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, where: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, selector ?? null);
  return violations.filter((v) => v.impact && BLOCKING.has(v.impact)).map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.where.join(', ')}`);
}
