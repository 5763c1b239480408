// Markdown text as rendered nodes: markdown.ts builds them, so no user text goes through innerHTML.
import { renderMarkdown } from './markdown.ts';

export function Markdown(props: { text: string; testId?: string; class?: string }) {
  return (
    <div class={`markdown ${props.class ?? ''}`} data-testid={props.testId}>
      {/* An array of nodes, not the fragment: Solid must be able to remove them when the text changes. */}
      {[...renderMarkdown(props.text).childNodes]}
    </div>
  );
}
