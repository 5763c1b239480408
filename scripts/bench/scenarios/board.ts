// 8. Board render in headless Chromium (Debian's, via playwright-core; never a
// downloaded browser): opening a board of many cards, and the frames and
// script time while remote updates arrive. Tandem only: the peer has no UI.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import buildClientForE2e from '../../../client/e2e/support/global-setup.ts';
import { hostTenantId, tokenSigner } from '../auth.ts';
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { BoardReadsInput } from '../load/board-reads.ts';
import type { BoardSeedInput, BoardSeedOutput } from '../load/board-seed.ts';
import type { BoardUpdatesInput, BoardUpdatesOutput } from '../load/board-updates.ts';
import { ms, percentile, summarize, target, type Table } from '../report.ts';
import { canPin, LOAD_CORE, startServer } from '../servers.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const UPDATES_PER_SECOND = 100;
const OPENS = 3;
const TENANT = 'board';
const FRAME_MS = 1000 / 60;
/** get_board asked this many times in a row, to read its cost at the server. */
const READS = 10;
/** Cards per column of a first screen, as the web app asks for it (FIRST_CARDS_PER_COLUMN, client/src/store/board-lifecycle.ts). */
const FIRST_SCREEN_CARDS = 50;

/** The server's own count and total seconds of get_board (tandem_command_duration_seconds). */
async function getBoardSeconds(http: string): Promise<{ count: number; sum: number }> {
  const text = await (await fetch(`${http}/metrics`)).text();
  const value = (part: string) => Number(new RegExp(`^tandem_command_duration_seconds_${part}\\{command="getBoard"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { count: value('count'), sum: value('sum') };
}

/** Chromium (and the renderers it forks, which inherit the affinity) on the load core. */
function chromiumOnLoadCore(ctx: BenchContext): string {
  if (!canPin) return CHROMIUM;
  const wrapper = join(ctx.workDir, 'chromium-on-load-core.sh');
  writeFileSync(wrapper, `#!/bin/sh\nexec taskset -c ${LOAD_CORE} ${CHROMIUM} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

async function signedIn(context: BrowserContext, token: string, userId: string): Promise<Page> {
  const grant = JSON.stringify({ token, tenantId: hostTenantId(TENANT), user: { id: userId, email: '', displayName: 'Bench Viewer' } });
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name();
  // the functions passed to page.evaluate run in the page, where it must exist too.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript((value) => sessionStorage.setItem('tandem.session', value), grant);
  return context.newPage();
}

interface Open {
  /** Click to the frame that paints every column's cards. */
  firstPaint: number;
  /** Click to the frame that shows every card counted (the whole board, which follows a first screen). */
  whole: number;
  /** The longest frame between the two. */
  longestFrame: number;
}

/**
 * Clicks the project on the project list and times, in the page's own clock,
 * until the board is ready and every column shows cards, plus the frame that
 * paints them; then until the column counts add up to every card. Polled once
 * per frame, so the figures are good to one frame.
 */
function openBoard(page: Page, key: string, cards: number): Promise<Open> {
  return page.evaluate(
    ({ key, cards }) =>
      new Promise<Open>((resolve) => {
        const start = performance.now();
        let firstPaint = 0;
        let last = start;
        let longestFrame = 0;
        (document.querySelector(`[data-testid="project-card"][data-project-key="${key}"]`) as HTMLElement).click();
        const frame = () => {
          const now = performance.now();
          if (firstPaint) longestFrame = Math.max(longestFrame, now - last);
          last = now;
          const ready = document.querySelector('[data-testid="board"][data-state="ready"]');
          const columns = [...document.querySelectorAll('[data-testid="column"]')];
          if (!firstPaint && ready && columns.length > 0 && columns.every((c) => c.querySelector('[data-testid="card"]'))) {
            return requestAnimationFrame(() => {
              firstPaint = performance.now() - start;
              last = performance.now();
              frame();
            });
          }
          const counted = columns.reduce((n, c) => n + Number(c.querySelector('[data-testid="column-count"]')?.textContent?.replace(/,/g, '') ?? 0), 0);
          if (firstPaint && counted === cards) resolve({ firstPaint, whole: now - start, longestFrame });
          else requestAnimationFrame(frame);
        };
        frame();
      }),
    { key, cards },
  );
}

export async function boardTable(ctx: BenchContext): Promise<Table> {
  buildClientForE2e();
  const server = await startServer('tandem', { dataDir: dataDir(ctx, 'board'), env: ctx.authEnv });
  const browser = await chromium.launch({ executablePath: chromiumOnLoadCore(ctx), args: ARGS, timeout: 30_000 });
  try {
    const seed = await runLoad<BoardSeedInput, BoardSeedOutput>('board-seed', {
      url: server.url, privatePem: ctx.hostKey.privatePem, tenantId: TENANT, userId: 'owner', cards: ctx.sizes.boardCards,
    });
    const token = tokenSigner(ctx.hostKey.privatePem)({ tenantId: TENANT, userId: 'viewer' });
    const opens: Open[] = [];
    let page: Page | null = null;
    for (let i = 0; i < OPENS; i++) {
      // A fresh context each time: nothing cached from the last open.
      const context = await browser.newContext({ baseURL: server.http, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      context.setDefaultTimeout(30_000);
      page = await signedIn(context, token, 'viewer');
      await page.goto('/');
      await page.locator(`[data-testid="project-card"][data-project-key="${seed.key}"]`).waitFor();
      opens.push(await openBoard(page, seed.key, ctx.sizes.boardCards));
      await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
      if (i < OPENS - 1) await context.close();
    }

    const cdp = await page!.context().newCDPSession(page!);
    await cdp.send('Performance.enable');
    const scriptSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')!.value;
    await page!.evaluate(() => {
      const w = window as unknown as { benchFrames: number[]; benchStop: boolean };
      w.benchFrames = [];
      w.benchStop = false;
      let last = performance.now();
      const tick = (now: number) => {
        w.benchFrames.push(now - last);
        last = now;
        if (!w.benchStop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const scriptBefore = await scriptSeconds();
    const updates = await runLoad<BoardUpdatesInput, BoardUpdatesOutput>('board-updates', {
      url: server.url, privatePem: ctx.hostKey.privatePem, tenantId: TENANT, userId: 'remote', items: seed.items,
      perSecond: UPDATES_PER_SECOND, durationMs: ctx.sizes.boardUpdateSeconds * 1000,
    });
    const scriptMsPerUpdate = ((await scriptSeconds()) - scriptBefore) * 1000 / updates.sent;
    const frames = summarize(await page!.evaluate(() => {
      const w = window as unknown as { benchFrames: number[]; benchStop: boolean };
      w.benchStop = true;
      return w.benchFrames.slice(1);
    }));
    const dropped = frames.count > 0 ? frames : null;
    // Asked one at a time on the warm server: what one get_board costs it, from the decoded frame to the reply sent.
    const atServer = async (firstCardsPerColumn: number) => {
      const before = await getBoardSeconds(server.http);
      await runLoad<BoardReadsInput, Record<string, never>>('board-reads', {
        url: server.url, privatePem: ctx.hostKey.privatePem, tenantId: TENANT, userId: 'viewer', projectId: seed.projectId, firstCardsPerColumn, reads: READS,
      });
      const after = await getBoardSeconds(server.http);
      return ((after.sum - before.sum) * 1000) / Math.max(1, after.count - before.count);
    };
    const firstScreenAtServer = await atServer(FIRST_SCREEN_CARDS);
    const wholeAtServer = await atServer(0);
    const median = (pick: (o: Open) => number) => percentile(opens.map(pick).sort((a, b) => a - b), 50);
    const openMedian = median((o) => o.firstPaint);
    return {
      title: `8. Board render in headless Chromium (${ctx.sizes.boardCards.toLocaleString('en-US')} cards, Tandem only)`,
      about: `A board of ${ctx.sizes.boardCards.toLocaleString('en-US')} cards over five columns. Open: from clicking the project on the project list to the frame that paints every column's cards (get_board's first screen, decode, render), median of ${OPENS} fresh tabs, good to one frame; then until the whole board, which the client asks for once the first screen is painted, is in (every column's count adds up), and the longest frame meanwhile. Then another user changes random cards' titles at ${UPDATES_PER_SECOND}/s for ${ctx.sizes.boardUpdateSeconds} s: script time per update from Chromium's ScriptDuration, and the intervals between animation frames (${FRAME_MS.toFixed(1)} ms each at 60 Hz when none is dropped). The peer has no UI, so there is nothing to compare.`,
      columns: ['measure', 'value', 'target'],
      rows: [
        ['open to painted columns (median; all opens)', `${ms(openMedian)} ms (${opens.map((o) => ms(o.firstPaint)).join(', ')})`, target('first paint < 300 ms', openMedian < 300)],
        ['open to every card counted (median), longest frame after the first paint (median)', `${ms(median((o) => o.whole))} ms, ${ms(median((o) => o.longestFrame))} ms`, ''],
        [`get_board at the server, mean of ${READS} in a row: first screen / whole board`, `${ms(firstScreenAtServer)} / ${ms(wholeAtServer)} ms`, ''],
        ['script per remote update', `${ms(scriptMsPerUpdate)} ms (${updates.sent} updates)`, target('< 4 ms', scriptMsPerUpdate < 4)],
        [
          'frame interval p50 / p99 / max',
          dropped ? `${ms(frames.p50)} / ${ms(frames.p99)} / ${ms(frames.max)} ms (${frames.count} frames)` : 'no frames',
          target('frames < 16 ms (p99 within one 60 Hz frame)', frames.p99 < FRAME_MS + 1),
        ],
      ],
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
