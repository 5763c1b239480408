// The Ask panel in Debian's Chromium, against a real server whose assistant
// is a scripted OpenAI-compatible endpoint on 127.0.0.1
// (server/test/support/scripted-llm.ts): the answer streams in, and an
// accepted "Split into sub-tasks" proposal reaches a second window's board.
import { afterAll, describe, expect, it } from 'vitest';
import { ItemType, Role } from '../../shared/proto.ts';
import { lastQuestion, startScriptedLlm } from '../../server/test/support/scripted-llm.ts';
import { seedProject } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const llm = await startScriptedLlm((req) => {
  const { question, toolResults } = lastQuestion(req);
  const key = /[A-Z]+-\d+/.exec(question)?.[0] ?? '';
  if (toolResults.length > 0) return { text: ['Here is a split ', `of ${key} `, 'into two sub-tasks.'] };
  return { tool: 'propose_subtasks', args: { parent_key: key, subtasks: [{ title: 'Draw the form' }, { title: 'Call the payment API' }] } };
});
const world = useWorld({ vic: false, serverEnv: { LLM_BASE_URL: llm.url, LLM_MODEL: 'scripted' } });
afterAll(() => llm.close());

describe('the Ask panel', () => {
  it('UI-ASK-1 Ask streams the scripted answer; accepting "Split into sub-tasks" puts them on Bob\'s board in another window', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'A', name: 'Ask', members: [[world.bob, Role.ROLE_EDITOR]],
      items: [{ title: 'S1 Checkout page', itemType: ItemType.ITEM_TYPE_STORY }],
    });
    const story = s.items['S1']!;
    const bobPage = await world.pageFor(world.bob, `/p/${s.key}`);
    await bobPage.locator('[data-testid="board"][data-state="ready"]').waitFor();

    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await page.locator('[data-testid="board"][data-state="ready"]').waitFor();
    await page.getByTestId('ask-open').click();
    await page.getByTestId('ask-input').fill(`Split ${story.key} into sub-tasks`);
    await page.getByTestId('ask-send').click();

    const answer = page.getByTestId('ask-assistant').last();
    await expect.poll(() => answer.locator('.ask-turn__text').textContent()).toBe(`Here is a split of ${story.key} into two sub-tasks.`);
    const proposal = page.getByTestId('ask-proposal');
    expect(await proposal.textContent()).toContain('Draw the form');
    // Proposed, not written.
    expect((await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!).toHaveLength(1);
    // The answer is over: Cancel gave way to Ask again.
    await page.getByTestId('ask-send').waitFor();
    await saveScreenshot(page, 'ask-panel-light');

    await page.getByTestId('ask-accept').click();
    for (const title of ['Draw the form', 'Call the payment API']) {
      await bobPage.locator('[data-testid="card"]', { hasText: title }).waitFor();
    }
    const items = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!;
    expect(items.filter((i) => i.parentId === story.id).map((i) => i.title).sort()).toEqual(['Call the payment API', 'Draw the form']);
  });

  it('UI-ASK-2 a server without an assistant (GET /api/assistant is 404) shows no Ask button', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'B', name: 'Ask' });
    const context = await world.contextFor(world.ada);
    // As a server with no LLM_* answers (ASK-7): the same route, 404.
    await context.route('**/api/assistant', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    const page = await context.newPage();
    await page.goto(`/p/${s.key}`);
    await page.locator('[data-testid="board"][data-state="ready"]').waitFor();
    await page.getByTestId('page-title').waitFor();
    expect(await page.getByTestId('ask-open').count()).toBe(0);
  });
});
