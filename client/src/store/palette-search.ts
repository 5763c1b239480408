// The palette's search as the person types (and the item panel's, to pick an
// item to link): asked a moment after the last key (not on every key), across
// every project they may read. Answers go to `answer` with their query, so
// the caller can drop one for an older query.
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { ISearchHit } from '../../../shared/proto.ts';
import type { Live } from './live.ts';
import { plainError } from './model/plain-error.ts';

const TYPING_PAUSE_MS = 80;
const HITS = 8;

export function createPaletteSearch(
  live: Live,
  query: Accessor<string>,
  answer: (query: string, hits: readonly ISearchHit[]) => void,
  offline = 'Search needs a connection; the commands still work.',
): Accessor<string> {
  const [problem, setProblem] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on([query, live.open], ([text, open]) => {
      clearTimeout(timer);
      if (!text.trim()) return setProblem('');
      if (!open) return setProblem(offline);
      timer = setTimeout(() => {
        live.connection.request({ search: { query: text, limit: HITS } }).then(
          (result) => {
            setProblem('');
            answer(text, result.searchResults?.hits ?? []);
          },
          (err: unknown) => text === query() && setProblem(plainError('search', err)),
        );
      }, TYPING_PAUSE_MS);
    }),
  );
  onCleanup(() => clearTimeout(timer));
  return problem;
}
