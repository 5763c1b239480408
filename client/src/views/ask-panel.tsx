// "Ask": the assistant's side panel on every project page, shown only when
// the server has one. The answer streams in as it is written; tool activity
// shows in a line; proposals wait for the person's Accept, which sends the
// ordinary writes through the board's send path (so they are version-checked,
// idempotent, live and undoable like any other). Cancel aborts the request,
// and the server stops its model.
import { createResource, createSignal, For, Match, Show, Switch, useContext } from 'solid-js';
import { BoardContext } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { askAssistant, assistantAvailable, type AssistantProposal, type AssistantTurn } from './assistant-api.ts';
import '../styles/assistant.css';

interface Shown {
  turn: AssistantTurn;
  activity: string[];
  proposals: AssistantProposal[];
  error: string | null;
}

/** Asked once per page load: the configuration does not change while the server runs. */
let available: Promise<boolean> | null = null;

export function AskButton(props: { projectKey: string }) {
  const live = useLive();
  const [on] = createResource(async () => (available ??= live.token().then(assistantAvailable)));
  const [open, setOpen] = createSignal(false);
  return (
    <Show when={on()}>
      <button type="button" class="button button--ghost" data-testid="ask-open" aria-expanded={open()} onClick={() => setOpen(!open())}>
        Ask
      </button>
      <Show when={open()}>
        <AskPanel projectKey={props.projectKey} onClose={() => setOpen(false)} />
      </Show>
    </Show>
  );
}

function AskPanel(props: { projectKey: string; onClose: () => void }) {
  const live = useLive();
  const board = useContext(BoardContext);
  const [shown, setShown] = createSignal<Shown[]>([]);
  const [draft, setDraft] = createSignal('');
  const [asking, setAsking] = createSignal<AbortController | null>(null);
  const [accepted, setAccepted] = createSignal<ReadonlySet<AssistantProposal>>(new Set());

  const updateLast = (change: (s: Shown) => Shown) => setShown((all) => [...all.slice(0, -1), change(all.at(-1)!)]);

  const ask = async (event: SubmitEvent) => {
    event.preventDefault();
    const question = draft().trim();
    const projectId = live.projects.byKey(props.projectKey)?.id;
    if (!question || asking() || !projectId) return;
    const turns = [...shown().map((s) => s.turn).filter((t) => t.content), { role: 'user' as const, content: question }];
    setDraft('');
    const fresh = (turn: AssistantTurn): Shown => ({ turn, activity: [], proposals: [], error: null });
    setShown((all) => [...all, fresh({ role: 'user', content: question }), fresh({ role: 'assistant', content: '' })]);
    const stop = new AbortController();
    setAsking(stop);
    try {
      await askAssistant(projectId, turns, await live.token(), stop.signal, (part) => {
        if (part.type === 'text') updateLast((s) => ({ ...s, turn: { ...s.turn, content: s.turn.content + part.text } }));
        else if (part.type === 'activity') updateLast((s) => ({ ...s, activity: [...s.activity, part.text] }));
        else if (part.type === 'proposal') updateLast((s) => ({ ...s, proposals: [...s.proposals, part.proposal] }));
        else if (part.type === 'error') updateLast((s) => ({ ...s, error: part.message }));
      });
    } catch {
      updateLast((s) => ({ ...s, error: 'Cancelled' }));
    } finally {
      setAsking(null);
    }
  };

  const accept = (proposal: AssistantProposal) => {
    if (!board) return;
    if (proposal.kind === 'subtasks') for (const sub of proposal.subtasks) board.addChild(proposal.parentId, sub.title);
    else void board.update(proposal.workItemId, { storyPoints: proposal.storyPoints }, board.baseVersion(proposal.workItemId), `set the estimate of ${proposal.key}`);
    setAccepted((all) => new Set([...all, proposal]));
  };

  return (
    <aside class="ask-panel" aria-label="Ask the assistant" data-testid="ask-panel">
      <header class="ask-panel__header">
        <h2>Ask about {props.projectKey}</h2>
        <button type="button" class="button button--ghost" aria-label="Close" onClick={() => { asking()?.abort(); props.onClose(); }}>
          ×
        </button>
      </header>
      <ol class="ask-panel__turns" aria-live="polite">
        <For each={shown()}>
          {(s) => (
            <li class={`ask-turn ask-turn--${s.turn.role}`} data-testid={`ask-${s.turn.role}`}>
              <Show when={s.activity.length > 0 && (asking() || !s.turn.content)}>
                <p class="ask-turn__activity" data-testid="ask-activity">{s.activity.at(-1)}</p>
              </Show>
              <p class="ask-turn__text">{s.turn.content}</p>
              <For each={s.proposals}>
                {(p) => (
                  <div class="ask-proposal" data-testid="ask-proposal">
                    <Switch>
                      <Match when={p.kind === 'subtasks' && p}>
                        {(sp) => (
                          <>
                            <p>Split {sp().parentKey} into sub-tasks:</p>
                            <ul>
                              <For each={sp().subtasks}>{(t) => <li>{t.title}</li>}</For>
                            </ul>
                          </>
                        )}
                      </Match>
                      <Match when={p.kind === 'estimate' && p}>
                        {(ep) => <p>Estimate {ep().key} at {ep().storyPoints} points{ep().reason ? `: ${ep().reason}` : ''}</p>}
                      </Match>
                    </Switch>
                    <Show when={board} fallback={<p class="ask-turn__activity">Open the board or backlog to accept this.</p>}>
                      <button type="button" class="button" data-testid="ask-accept" disabled={accepted().has(p)} onClick={() => accept(p)}>
                        {accepted().has(p) ? 'Accepted' : p.kind === 'subtasks' ? 'Accept: create sub-tasks' : 'Accept: set estimate'}
                      </button>
                    </Show>
                  </div>
                )}
              </For>
              <Show when={s.error}>{(message) => <p class="ask-turn__error" role="alert" data-testid="ask-error">{message()}</p>}</Show>
            </li>
          )}
        </For>
      </ol>
      <form class="ask-panel__form" onSubmit={ask}>
        <textarea
          aria-label="Question"
          data-testid="ask-input"
          rows={2}
          value={draft()}
          placeholder="What is blocking the sprint?"
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <Show when={asking()} fallback={<button type="submit" class="button" data-testid="ask-send">Ask</button>}>
          {(stop) => <button type="button" class="button button--ghost" data-testid="ask-cancel" onClick={() => stop().abort()}>Cancel</button>}
        </Show>
      </form>
    </aside>
  );
}
