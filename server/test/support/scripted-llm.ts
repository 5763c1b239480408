// A scripted OpenAI-compatible chat completions endpoint on 127.0.0.1, for
// the assistant's tests: real HTTP, streamed as the OpenAI API streams
// (`data: {chunk}` events, then `data: [DONE]`), each chunk written on its
// own after a pause. A script picks the reply from the request, so a tool
// call and the answer after its result are two requests, as they are live.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  stream: boolean;
  tools: Array<{ function: { name: string } }>;
  messages: Array<{ role: string; content: string | null; tool_call_id?: string; tool_calls?: Array<{ function: { name: string; arguments: string } }> }>;
}

export type Reply =
  /** Text, written in these pieces. */
  | { text: string[] }
  /** One tool call, its arguments in pieces as the API splits them. */
  | { tool: string; args: object }
  /** Headers and nothing more: a model that never answers. */
  | { hang: true }
  /** Bytes that are not an event stream. */
  | { garbage: string }
  | { status: number };

export interface ScriptedLlm {
  url: string;
  /** Every request the endpoint was sent, in order. */
  requests: ChatRequest[];
  /** Requests whose client went away before the reply ended (a cancel reached it). */
  closedEarly: number;
  /** When the last chunk of each finished reply was written. */
  lastChunkAt: number[];
  close(): Promise<void>;
}

export const PAUSE_MS = 40;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const chunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'scripted', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/** The last user message, and whether a tool has answered since it. */
export function lastQuestion(req: ChatRequest): { question: string; toolResults: string[] } {
  const at = req.messages.map((m) => m.role).lastIndexOf('user');
  return { question: req.messages[at]!.content ?? '', toolResults: req.messages.slice(at).filter((m) => m.role === 'tool').map((m) => m.content ?? '') };
}

export async function startScriptedLlm(script: (req: ChatRequest) => Reply): Promise<ScriptedLlm> {
  const llm: ScriptedLlm = { url: '', requests: [], closedEarly: 0, lastChunkAt: [], close: async () => undefined };
  const open = new Set<ServerResponse>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    for await (const part of req) body += part;
    if (req.url !== '/v1/chat/completions' || req.method !== 'POST') return void res.writeHead(404).end();
    const request = JSON.parse(body) as ChatRequest;
    llm.requests.push(request);
    const reply = script(request);
    if ('status' in reply) return void res.writeHead(reply.status, { 'content-type': 'application/json' }).end('{"error":{"message":"no"}}');
    open.add(res);
    let finished = false;
    res.on('close', () => {
      open.delete(res);
      if (!finished) llm.closedEarly++;
    });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const write = async (text: string) => {
      await sleep(PAUSE_MS);
      if (!res.destroyed) res.write(text);
    };
    if ('hang' in reply) return;
    if ('garbage' in reply) {
      await write(reply.garbage);
      finished = true;
      return void res.end();
    }
    await write(chunk({ role: 'assistant', content: '' }));
    if ('text' in reply) {
      for (const piece of reply.text) await write(chunk({ content: piece }));
      await write(chunk({}, 'stop'));
    } else {
      const args = JSON.stringify(reply.args);
      const half = Math.floor(args.length / 2);
      await write(chunk({ tool_calls: [{ index: 0, id: `call_${llm.requests.length}`, type: 'function', function: { name: reply.tool, arguments: '' } }] }));
      await write(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, half) } }] }));
      await write(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(half) } }] }));
      await write(chunk({}, 'tool_calls'));
    }
    llm.lastChunkAt.push(Date.now());
    await write('data: [DONE]\n\n');
    finished = true;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  llm.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  llm.close = () =>
    new Promise((resolve) => {
      for (const res of open) res.destroy();
      server.close(() => resolve());
    });
  return llm;
}
