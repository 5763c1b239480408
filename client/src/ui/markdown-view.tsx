// Markdown text as rendered nodes: markdown.ts makes the safe tree and
// markdown-dom.ts its nodes, so no user text goes through innerHTML.
import { parseMarkdown } from './markdown.ts';
import { renderMarkdown } from './markdown-dom.ts';
import type { Person } from '../../../shared/domain/mentions.ts';

export function Markdown(props: { text: string; people?: readonly Person[]; testId?: string; class?: string }) {
  return (
    <div class={`markdown ${props.class ?? ''}`} data-testid={props.testId}>
      {/* An array of nodes, not the fragment: Solid must be able to remove them when the text changes. */}
      {[...renderMarkdown(parseMarkdown(props.text, props.people)).childNodes]}
    </div>
  );
}
