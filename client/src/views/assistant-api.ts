// The in-app assistant over HTTP (docs/PROTOCOL.md §2.9). Plain functions,
// no Solid: whether the server has one, and a question whose answer arrives
// part by part (newline-delimited JSON) until done, an error, or the signal.
import { ASSISTANT_PATH, type AssistantPart, type AssistantTurn } from '../../../shared/domain/assistant.ts';

export type { AssistantPart, AssistantProposal, AssistantTurn } from '../../../shared/domain/assistant.ts';

const auth = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** True when the server has an assistant configured: without one the route is a 404 and the panel stays hidden. */
export async function assistantAvailable(token: string | null): Promise<boolean> {
  try {
    return (await fetch(ASSISTANT_PATH, { headers: { Accept: 'application/json', ...auth(token) } })).ok;
  } catch {
    return false;
  }
}

/** Asks; each part is handed on as it is read. Resolves when the answer ends; rejects only with the signal's abort. */
export async function askAssistant(
  projectId: string,
  messages: readonly AssistantTurn[],
  token: string | null,
  signal: AbortSignal,
  onPart: (part: AssistantPart) => void,
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(ASSISTANT_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(token) },
      body: JSON.stringify({ projectId, messages }),
      signal,
    });
  } catch (err) {
    if (signal.aborted) throw err;
    return onPart({ type: 'error', message: 'Tandem could not reach the server. Check your connection and try again.' });
  }
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return onPart({ type: 'error', message: body?.error?.message || `The assistant could not answer (HTTP ${res.status})` });
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let ended = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines.filter(Boolean)) {
        const part = JSON.parse(line) as AssistantPart;
        ended ||= part.type === 'done' || part.type === 'error';
        onPart(part);
      }
    }
  } catch (err) {
    if (signal.aborted) throw err;
  }
  if (!ended) onPart({ type: 'error', message: 'The answer was cut off; try again' });
}
