// The Settings saves the undo history knows (model/settings-undo.ts): the
// workflow, the item types, the custom fields and pull mode. A save that lost
// nothing goes on the project's history with a toast offering Undo; that Undo,
// Ctrl-Z and Ctrl-Shift-Z on any page of the project send the settings before
// (or after) again through the board's send path, as new commands against the
// project's version then. A save that cannot be undone still ends what could
// be redone, as any new change does.
import { randomId } from '../../../shared/sdk/ids.ts';
import type { Command } from '../../../shared/protocol/commands.ts';
import type { Live } from './live.ts';
import { plainError } from './model/plain-error.ts';
import { settingsChange, settingsOf, settingsStepWrite, type SettingsChange, type SettingsKind } from './model/settings-undo.ts';
import { refused, sent, type Written } from './model/undo.ts';
import type { ProjectState } from './project-state.ts';
import type { Send, WriteOutcome } from './writes.ts';

export interface SettingsWrites {
  /**
   * Sends a save of the setting `kind`. Once saved it goes on the history
   * (unless it lost something) and `said` is toasted with Undo, which takes
   * back the change by its id through `undo`.
   */
  save(kind: SettingsKind, command: Command, action: string, said: string): Promise<WriteOutcome>;
  /** Sends the undo or redo of a settings change taken off the history, and says what became of it. */
  step(as: 'undo' | 'redo', change: SettingsChange): void;
}

export function createSettingsWrites(
  live: Live,
  state: ProjectState,
  send: Send,
  undo: (changeId: string) => void,
  /** The board holds only its first screen (board-lifecycle.ts). */
  partial: () => boolean,
): SettingsWrites {
  const projectId = () => state.project()?.id ?? '';
  return {
    async save(kind, command, action, said) {
      const project = projectId();
      const before = settingsOf(kind, state.project(), state.statuses());
      const outcome = await send({ command, action });
      if (outcome.kind !== 'saved') return outcome;
      const saved = outcome.result.project;
      const change = settingsChange(randomId(), action, before, settingsOf(kind, saved, saved?.statuses ?? []));
      live.undo.change(project, (h) => sent(h, { as: 'change', base: null, change }));
      if (change) live.toasts.show(said, 'info', { label: 'Undo', run: () => undo(change.id) });
      return outcome;
    },
    step(as, change) {
      const project = projectId();
      const action = `${as} ${change.action}`;
      const w = settingsStepWrite(as, change, { project: state.project(), statuses: state.statuses(), items: state.items(), partial: partial() });
      if ('refusal' in w) return void live.toasts.show(`Could not ${action}: ${w.refusal}.`);
      const written: Written = { as, base: null, change };
      live.undo.change(project, (h) => sent(h, written));
      void send({ command: w.command, action }).then((outcome) => {
        if (outcome.kind === 'saved') return void live.toasts.show(`${as === 'undo' ? 'Undone' : 'Redone'}: ${change.action}.`, 'info');
        // Offline, it waits in the outbox and is still checked against the version when sent.
        if (outcome.kind !== 'queued') live.undo.change(project, (h) => refused(h, written));
        live.toasts.show(
          outcome.kind === 'conflict'
            ? `Could not ${action}: someone else changed this project a moment ago, and nothing was changed. Settings shows theirs.`
            : plainError(action, outcome.error),
        );
      });
    },
  };
}
