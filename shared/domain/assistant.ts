// The in-app assistant's answer as the browser reads it (docs/PROTOCOL.md
// §2.9): newline-delimited JSON, one part per line, and the limits of what
// a question may carry. Proposals are what the model suggests writing; only
// the person's click turns one into ordinary writes.

/** A conversation turn the browser sends back with the next question. */
export interface AssistantTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface SubtaskProposal {
  kind: 'subtasks';
  /** The story (or task) the sub-tasks go under. */
  parentId: string;
  parentKey: string;
  subtasks: Array<{ title: string; description: string }>;
}

export interface EstimateProposal {
  kind: 'estimate';
  workItemId: string;
  key: string;
  storyPoints: number;
  reason: string;
}

export type AssistantProposal = SubtaskProposal | EstimateProposal;

export type AssistantPart =
  /** More of the answer's text, as the model writes it. */
  | { type: 'text'; text: string }
  /** A tool ran, in words ("Searched for login"). */
  | { type: 'activity'; text: string }
  | { type: 'proposal'; proposal: AssistantProposal }
  /** The answer stopped; nothing more follows. */
  | { type: 'error'; message: string }
  | { type: 'done' };

export const ASSISTANT_PATH = '/api/assistant';

export const ASSISTANT_LIMITS = {
  /** Turns of one conversation sent back with a question (older ones are the browser's to drop). */
  maxTurns: 40,
  /** Characters of one turn. */
  maxTurnChars: 8000,
  /** Sub-tasks one proposal may hold. */
  maxSubtasks: 12,
} as const;
