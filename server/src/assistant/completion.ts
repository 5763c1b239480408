// One streamed chat completion from an OpenAI-compatible endpoint (Ollama,
// vLLM, hosted APIs): the text is handed on as it comes, the tool calls are
// put together from their pieces. Anything the endpoint does wrong becomes an
// AssistantFailure whose message the person can read; the request's body and
// the answer are never logged.
import { sseData } from './sse.ts';

export interface Endpoint {
  baseUrl: string;
  apiKey: string | null;
  model: string;
}

export interface ToolCall {
  id: string;
  name: string;
  /** As the model wrote them: JSON, or not. */
  arguments: string;
}

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }> }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface Completion {
  text: string;
  toolCalls: ToolCall[];
}

export class AssistantFailure extends Error {}

interface Delta {
  content?: string | null;
  tool_calls?: Array<{ index?: number; id?: string; function?: { name?: string; arguments?: string } }>;
}

export async function streamCompletion(
  endpoint: Endpoint,
  messages: readonly ChatMessage[],
  tools: readonly object[],
  signal: AbortSignal,
  onText: (text: string) => void,
): Promise<Completion> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (endpoint.apiKey) headers['authorization'] = `Bearer ${endpoint.apiKey}`;
  let res: Response;
  try {
    res = await fetch(`${endpoint.baseUrl}/chat/completions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: endpoint.model, messages, tools, stream: true }),
      signal,
    });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new AssistantFailure('The assistant\'s model could not be reached');
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new AssistantFailure(`The assistant's model refused the question (HTTP ${res.status})`);
  }
  if (!res.body) throw new AssistantFailure('The assistant\'s model sent an empty answer');
  let text = '';
  const calls: Array<{ id: string; name: string; arguments: string }> = [];
  let finished = false;
  for await (const data of sseData(res.body)) {
    if (data.trim() === '[DONE]') {
      finished = true;
      break;
    }
    const delta = deltaOf(data);
    if (delta.content) {
      text += delta.content;
      onText(delta.content);
    }
    for (const piece of delta.tool_calls ?? []) {
      const index = piece.index ?? calls.length;
      const call = (calls[index] ??= { id: '', name: '', arguments: '' });
      if (piece.id) call.id = piece.id;
      if (piece.function?.name) call.name += piece.function.name;
      if (piece.function?.arguments) call.arguments += piece.function.arguments;
    }
  }
  if (!finished) throw new AssistantFailure('The assistant\'s model stopped in the middle of its answer');
  return { text, toolCalls: calls.filter(Boolean).map((c, i) => ({ ...c, id: c.id || `call_${i}` })) };
}

function deltaOf(data: string): Delta {
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch {
    throw new AssistantFailure('The assistant\'s model sent something that is not a chat completion stream');
  }
  if (typeof chunk !== 'object' || chunk === null) throw new AssistantFailure('The assistant\'s model sent something that is not a chat completion stream');
  const { error, choices } = chunk as { error?: { message?: unknown }; choices?: Array<{ delta?: Delta }> };
  if (error) throw new AssistantFailure('The assistant\'s model stopped with an error');
  if (!Array.isArray(choices)) throw new AssistantFailure('The assistant\'s model sent something that is not a chat completion stream');
  return choices[0]?.delta ?? {};
}
