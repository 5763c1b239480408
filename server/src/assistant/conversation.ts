// One question answered: the model streams text, calls tools, reads their
// results and goes on, until it answers without a tool call. Every part is
// handed to `emit` as it happens; the caller owns the signal that stops it.
import type { AssistantPart, AssistantTurn } from '../../../shared/domain/assistant.ts';
import { AssistantFailure, streamCompletion, type ChatMessage, type Endpoint } from './completion.ts';
import { runTool, TOOL_DEFINITIONS, type ToolContext } from './tools.ts';

/** Tool rounds per question: a model that keeps calling tools is stopped rather than left to spin. */
export const MAX_TOOL_ROUNDS = 8;

const SYSTEM = (projectKey: string) =>
  [
    'You are the assistant inside Tandem, an agile board. Answer briefly, in plain words or short markdown.',
    `The person is looking at project ${projectKey}. Read its data only through the tools; never guess keys or facts.`,
    'You cannot change anything. To suggest sub-tasks or an estimate, call propose_subtasks or propose_estimate:',
    'the person sees the proposal and decides. Say in your answer what you proposed.',
  ].join('\n');

export async function answerQuestion(
  endpoint: Endpoint,
  ctx: ToolContext,
  projectKey: string,
  turns: readonly AssistantTurn[],
  signal: AbortSignal,
  emit: (part: AssistantPart) => void,
): Promise<void> {
  const messages: ChatMessage[] = [{ role: 'system', content: SYSTEM(projectKey) }, ...turns];
  for (let round = 0; round <= MAX_TOOL_ROUNDS; round++) {
    const { text, toolCalls } = await streamCompletion(endpoint, messages, TOOL_DEFINITIONS, signal, (more) => emit({ type: 'text', text: more }));
    if (toolCalls.length === 0) return;
    messages.push({
      role: 'assistant',
      content: text || null,
      tool_calls: toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
    });
    for (const call of toolCalls) {
      const outcome = await runTool(ctx, call.name, call.arguments);
      signal.throwIfAborted();
      emit({ type: 'activity', text: outcome.activity });
      if (outcome.proposal) emit({ type: 'proposal', proposal: outcome.proposal });
      messages.push({ role: 'tool', tool_call_id: call.id, content: outcome.result });
    }
  }
  throw new AssistantFailure('The assistant kept looking things up without answering; try asking more narrowly');
}
