// The state the Settings list editors share (workflow, item types, custom
// fields): a draft over the project's saved list, rebased under anyone's
// save as it arrives; a row moved up or down, the move said aloud and the
// focus kept on a move button; Save, whose CONFLICT rebases the draft on the
// list the board now holds; Discard. Each editor brings its draft model
// (store/model/*-draft.ts) and its own rows and words; DraftFooter shows
// what this holds.
import { createEffect, createMemo, createSignal, on, untrack, type Accessor } from 'solid-js';
import { plainError } from '../store/model/plain-error.ts';

export interface DraftModel<Saved, Draft, Row extends { key: string }> {
  draftOf(saved: Saved): Draft;
  rebase(draft: Draft, saved: Saved): Draft;
  rows(draft: Draft): readonly Row[];
  move(draft: Draft, key: string, by: -1 | 1): Draft;
  problems(draft: Draft): string[];
  isChanged(draft: Draft): boolean;
}

export interface DraftEditorOptions<Saved, Draft, Row extends { key: string }> {
  /** The list as the board holds it now. */
  saved: Accessor<Saved>;
  empty: Saved;
  model: DraftModel<Saved, Draft, Row>;
  /** A row's element, and its up and down buttons, by data-testid: where the focus goes after a move. */
  testIds: { row: string; up: string; down: string };
  /** A row in words ("the new status" before it has a name). */
  called(row: Row | undefined): string;
  send(draft: Draft): Promise<'saved' | 'conflict'>;
  words: { action: string; saved: string; conflict: string };
}

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function createDraftEditor<Saved, Draft, Row extends { key: string }>(opts: DraftEditorOptions<Saved, Draft, Row>) {
  const { model } = opts;
  const [draft, setDraft] = createSignal<Draft>(model.draftOf(opts.empty));
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal('');
  const [saved, setSaved] = createSignal('');
  const [announcement, announce] = createSignal('');

  // Someone else's save (or our own, answered) arrives as a new list: the draft goes over it.
  createEffect(
    on(opts.saved, (next) => {
      if (!untrack(saving)) setDraft(() => model.rebase(draft(), next));
    }),
  );

  const change = (next: Draft) => {
    setSaved('');
    setDraft(() => next);
  };
  const rows = () => model.rows(draft());
  const rowOf = (key: string) => rows().find((r) => r.key === key);
  const focusIn = (key: string, testId: string) =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-testid="${opts.testIds.row}"][data-key="${CSS.escape(key)}"] [data-testid="${testId}"]`)?.focus(),
    );
  const problems = createMemo(() => model.problems(draft()));
  const changed = () => model.isChanged(draft());

  return {
    draft,
    change,
    saving,
    error,
    saved,
    announcement,
    announce,
    /** The rows' keys, changing only when rows come, go or move: a For over them keeps each row's inputs. */
    keys: createMemo(() => rows().map((r) => r.key), [], { equals: sameKeys }),
    rowOf,
    focusIn,
    problems,
    changed,
    move(key: string, by: -1 | 1) {
      change(model.move(draft(), key, by));
      const at = rows().findIndex((r) => r.key === key);
      const last = rows().length - 1;
      announce(`${opts.called(rowOf(key))} is now ${at + 1} of ${last + 1}.`);
      // The button keeps the focus, unless that end is reached: then its twin.
      const stays = by === -1 ? at > 0 : at < last;
      focusIn(key, stays === (by === -1) ? opts.testIds.up : opts.testIds.down);
    },
    save() {
      if (problems().length > 0 || !changed()) return;
      setSaving(true);
      setError('');
      setSaved('');
      opts
        .send(draft())
        .then(
          (outcome) => {
            if (outcome === 'saved') {
              setDraft(() => model.draftOf(opts.saved()));
              setSaved(opts.words.saved);
            } else {
              setDraft(() => model.rebase(draft(), opts.saved()));
              setError(opts.words.conflict);
            }
          },
          (err: unknown) => setError(plainError(opts.words.action, err)),
        )
        .finally(() => setSaving(false));
    },
    discard() {
      setDraft(() => model.draftOf(opts.saved()));
      setError('');
    },
  };
}
