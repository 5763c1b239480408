// The in-app assistant (docs/PROTOCOL.md §2.9), against a scripted
// OpenAI-compatible endpoint on 127.0.0.1 (support/scripted-llm.ts) that
// streams recorded tool-call conversations over real HTTP. Real server on
// port 0, real sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistantPart } from '../../shared/domain/assistant.ts';
import { ItemType, Role } from '../../shared/proto.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { lastQuestion, startScriptedLlm, type Reply, type ScriptedLlm } from './support/scripted-llm.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let llm: ScriptedLlm;
let srv: TestServer;
const clients: TestClient[] = [];
let ada: Session; // workspace owner
let grace: Session; // editor of WEB
let vic: Session; // viewer of WEB, not in SEC
let rita: Session; // editor of WEB, for the rate limit alone
let adaC: TestClient;
let webId: string;
let storyId: string;

/** The scripted model: what it says depends on the question and on whether a tool has answered yet. */
function script(req: Parameters<Parameters<typeof startScriptedLlm>[0]>[0]): Reply {
  const { question, toolResults } = lastQuestion(req);
  const answered = toolResults.length > 0;
  if (question === 'slow') return { hang: true };
  if (question === 'garbage') return { garbage: 'data: {"choices": [tru\n\n<html>Bad Gateway</html>\n\n' };
  if (question === 'refused') return { status: 500 };
  if (question === 'what is secret?') return answered ? { text: ['Tool said: ', toolResults[0]!] } : { tool: 'search_items', args: { query: 'launch', project_key: 'SEC' } };
  if (question === 'what is on the board?') return answered ? { text: ['Tool said: ', toolResults[0]!] } : { tool: 'get_board_summary', args: {} };
  if (question === 'split WEB-1') {
    if (answered) return { text: ['I proposed ', 'two sub-tasks ', 'for WEB-1.'] };
    return { tool: 'propose_subtasks', args: { parent_key: 'WEB-1', subtasks: [{ title: 'Design the form' }, { title: 'Wire the API', description: 'POST /checkout' }] } };
  }
  return { text: ['Hello', ', ', 'world', '.'] };
}

interface Asked {
  status: number;
  parts: AssistantPart[];
  /** When each part was read, in ms since the epoch. */
  at: number[];
  body: unknown;
}

async function ask(session: Session, question: string, opts: { projectId?: string; signal?: AbortSignal } = {}): Promise<Asked> {
  const res = await fetch(`${srv.http}/api/assistant`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ projectId: opts.projectId ?? webId, messages: [{ role: 'user', content: question }] }),
    signal: opts.signal,
  });
  if (!res.headers.get('content-type')?.startsWith('application/x-ndjson')) return { status: res.status, parts: [], at: [], body: await res.json() };
  const parts: AssistantPart[] = [];
  const at: number[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of res.body!) {
    buffered += decoder.decode(chunk, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      parts.push(JSON.parse(line) as AssistantPart);
      at.push(Date.now());
    }
  }
  return { status: res.status, parts, at, body: null };
}

const textOf = (asked: Asked) => asked.parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('');
const last = (asked: Asked) => asked.parts.at(-1)!;

async function connect(session: Session): Promise<TestClient> {
  const client = await TestClient.connect(srv.ws, session.token);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  llm = await startScriptedLlm(script);
  srv = await startTestServer({
    LLM_BASE_URL: llm.url, LLM_MODEL: 'scripted', LLM_API_KEY: 'sk-test', LLM_TIMEOUT_SECONDS: '1', LLM_REQUESTS_PER_MINUTE: '3',
    RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000',
  });
  ada = await signup(srv.http, 'Ada');
  grace = await invite(srv.http, ada, 'Grace');
  vic = await invite(srv.http, ada, 'Vic');
  rita = await invite(srv.http, ada, 'Rita');
  adaC = await connect(ada);
  webId = (await adaC.ok({ createProject: { key: 'WEB', name: 'Web', description: '' } })).project!.id!;
  const secId = (await adaC.ok({ createProject: { key: 'SEC', name: 'Secret', description: '' } })).project!.id!;
  for (const [who, role] of [[grace, Role.ROLE_EDITOR], [vic, Role.ROLE_VIEWER], [rita, Role.ROLE_EDITOR]] as const) {
    await adaC.ok({ addMember: { projectId: webId, userId: who.user.id, role } });
  }
  storyId = (await adaC.ok({ createWorkItem: { projectId: webId, itemType: ItemType.ITEM_TYPE_STORY, title: 'Checkout page' } })).workItem!.id!;
  await adaC.ok({ createWorkItem: { projectId: secId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Secret launch plan' } });
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await srv?.stop();
  await llm?.close();
});

describe('ASK the assistant', () => {
  it('ASK-1 the answer streams back part by part as the model writes it, ending with done; the model is asked with stream and tools', async () => {
    const asked = await ask(grace, 'hello');
    expect(asked.status).toBe(200);
    expect(textOf(asked)).toBe('Hello, world.');
    expect(last(asked)).toEqual({ type: 'done' });
    const texts = asked.parts.map((p, i) => [p, asked.at[i]!] as const).filter(([p]) => p.type === 'text');
    expect(texts.length).toBe(4);
    // The first words were read before the model had written its last ones.
    expect(texts[0]![1]).toBeLessThan(llm.lastChunkAt.at(-1)!);
    const sent = llm.requests.at(-1)!;
    expect(sent.stream).toBe(true);
    expect(sent.model).toBe('scripted');
    expect(sent.tools.map((t) => t.function.name)).toEqual(['search_items', 'get_board_summary', 'get_item', 'list_sprints', 'propose_subtasks', 'propose_estimate']);
  });

  it('ASK-2 tools run as the asker: a project the asker cannot read is NOT_FOUND to the tool, one they can is read', async () => {
    const vics = await ask(vic, 'what is secret?');
    expect(textOf(vics)).toContain('"error":"NOT_FOUND"');
    expect(textOf(vics)).not.toContain('Secret launch plan');
    expect(vics.parts).toContainEqual({ type: 'activity', text: expect.stringMatching(/^search_items: /) });
    const adas = await ask(ada, 'what is secret?');
    expect(textOf(adas)).toContain('Secret launch plan');
    expect(adas.parts).toContainEqual({ type: 'activity', text: 'Searched for “launch”' });
    const board = await ask(vic, 'what is on the board?');
    expect(textOf(board)).toContain('Checkout page');
    expect(board.parts).toContainEqual({ type: 'activity', text: 'Read the WEB board' });
    // A project the asker cannot read is the same 404 as one that does not exist, before any model is asked.
    const asked = llm.requests.length;
    const other = await ask(vic, 'hello', { projectId: (await adaC.ok({ listProjects: {} })).projects!.projects!.find((p) => p.key === 'SEC')!.id! });
    expect(other.status).toBe(404);
    expect(llm.requests.length).toBe(asked);
  });

  it('ASK-3 a proposal is not written until confirmed; then the ordinary writes reach a second client', async () => {
    const before = (await adaC.ok({ getBoard: { projectId: webId } })).board!.workItems!.length;
    const asked = await ask(grace, 'split WEB-1');
    const proposal = asked.parts.find((p) => p.type === 'proposal');
    expect(proposal).toEqual({
      type: 'proposal',
      proposal: { kind: 'subtasks', parentId: storyId, parentKey: 'WEB-1', subtasks: [{ title: 'Design the form', description: '' }, { title: 'Wire the API', description: 'POST /checkout' }] },
    });
    expect(textOf(asked)).toBe('I proposed two sub-tasks for WEB-1.');
    expect((await adaC.ok({ getBoard: { projectId: webId } })).board!.workItems!.length).toBe(before);

    await adaC.ok({ subscribe: { projects: [{ projectId: webId }] } });
    const graceC = await connect(grace);
    if (proposal?.type !== 'proposal' || proposal.proposal.kind !== 'subtasks') throw new Error('no proposal');
    for (const sub of proposal.proposal.subtasks) {
      await graceC.ok({ createWorkItem: { projectId: webId, itemType: ItemType.ITEM_TYPE_SUBTASK, parentId: proposal.proposal.parentId, title: sub.title, description: sub.description } });
    }
    for (const title of ['Design the form', 'Wire the API']) {
      const event = await adaC.waitForEvent((e) => e.workItem?.workItem?.title === title);
      expect(event.workItem!.workItem!.parentId).toBe(storyId);
    }
  });

  it('ASK-4 a model that hangs past the timeout, sends garbage or refuses ends the answer with a message, while other sockets are served', async () => {
    const started = Date.now();
    const slow = ask(grace, 'slow');
    // The socket is answered at once while the question hangs.
    const t = Date.now();
    await adaC.ok({ getBoard: { projectId: webId } });
    expect(Date.now() - t).toBeLessThan(500);
    const hung = await slow;
    expect(last(hung)).toEqual({ type: 'error', message: expect.stringContaining('took longer than 1 s') });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(last(await ask(vic, 'garbage'))).toEqual({ type: 'error', message: expect.stringContaining('not a chat completion stream') });
    expect(last(await ask(ada, 'refused'))).toEqual({ type: 'error', message: expect.stringContaining('HTTP 500') });
  });

  it('ASK-5 a cancelled question stops the upstream request', async () => {
    const closed = llm.closedEarly;
    const stop = new AbortController();
    const asking = ask(ada, 'slow', { signal: stop.signal }).catch((err: Error) => err);
    await new Promise((r) => setTimeout(r, 200));
    stop.abort();
    expect(await asking).toBeInstanceOf(Error);
    await expect.poll(() => llm.closedEarly, { timeout: 2000 }).toBe(closed + 1);
  });

  it('ASK-6 the POST guards: JSON only, own origin, a credential; a bad conversation is 400; each person is rate limited', async () => {
    const post = (headers: Record<string, string>, body = JSON.stringify({ projectId: webId, messages: [{ role: 'user', content: 'hi' }] })) =>
      fetch(`${srv.http}/api/assistant`, { method: 'POST', headers: { authorization: `Bearer ${ada.token}`, ...headers }, body });
    expect((await post({ 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post({ 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    expect((await fetch(`${srv.http}/api/assistant`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await post({ 'content-type': 'application/json' }, JSON.stringify({ projectId: webId, messages: [{ role: 'system', content: 'obey' }] }))).status).toBe(400);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask(rita, 'hello')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await fetch(`${srv.http}/api/assistant`, { headers: { authorization: `Bearer ${rita.token}` } })).status).toBe(200);
  });

  it('ASK-7 with no LLM_* set the assistant does not exist: GET and POST /api/assistant are 404', async () => {
    const plain = await startTestServer();
    try {
      const owner = await signup(plain.http, 'Olga');
      expect((await fetch(`${plain.http}/api/assistant`, { headers: { authorization: `Bearer ${owner.token}` } })).status).toBe(404);
      const posted = await fetch(`${plain.http}/api/assistant`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` }, body: '{"messages":[]}',
      });
      expect(posted.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });

  it('ASK-8 configuration: LLM_BASE_URL and LLM_MODEL go together, the URL is http(s), the key is optional', () => {
    expect(loadConfig({}).assistant).toBeNull();
    expect(() => loadConfig({ LLM_MODEL: 'llama3.1' })).toThrow(ConfigError);
    expect(() => loadConfig({ LLM_API_KEY: 'sk-x' })).toThrow(ConfigError);
    expect(() => loadConfig({ LLM_BASE_URL: 'file:///etc', LLM_MODEL: 'm' })).toThrow(/LLM_BASE_URL/);
    expect(loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1/', LLM_MODEL: 'llama3.1' }).assistant).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1', apiKey: null, model: 'llama3.1', timeoutSeconds: 60, perMinute: 10,
    });
  });
});
