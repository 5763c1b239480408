// The project settings writes of one open project, through the board's send
// path. Each goes against the version the page shows; the Results come back
// through the board slice, which updates the project and the project list.
// The workflow, item types, custom fields and pull mode go through the
// board's saveSettings, so a save that lost nothing can be undone.
import type { IProject } from '../../../shared/proto.ts';
import type { Command } from '../../../shared/protocol/commands.ts';
import type { BoardSlice } from './board.ts';
import { setCustomFieldsCommand, type CustomFieldsDraft } from './model/custom-fields-draft.ts';
import { setItemTypesCommand, type ItemTypesDraft } from './model/item-types-draft.ts';
import type { SettingsKind } from './model/settings-undo.ts';
import { setWorkflowCommand, type WorkflowDraft } from './model/workflow-draft.ts';
import { resultOf } from './writes.ts';

export interface ProjectFields {
  name: string;
  description: string;
  key: string;
}

export interface ProjectSettings {
  /** Sends the fields that differ from the project's; resolves with the project after, rejects with the refusal (`field` says which). */
  save(wanted: ProjectFields): Promise<IProject | null>;
  archive(): Promise<void>;
  restore(): Promise<void>;
  /** `confirmKey` is the key as the person typed it: the server refuses anything else. */
  remove(confirmKey: string): Promise<void>;
  /**
   * One set_workflow with the draft. 'conflict': someone saved the project
   * meanwhile, and its current workflow is on the board already (the draft
   * is rebased on it); other refusals reject. Saved without removing a
   * status, a toast offers to undo it.
   */
  setWorkflow(draft: WorkflowDraft): Promise<'saved' | 'conflict'>;
  /** update_project with only pull_mode; undoable, as the three lists are. */
  setPullMode(on: boolean): Promise<void>;
  /** One set_custom_fields with the draft; as setWorkflow: 'conflict' when someone saved meanwhile (their fields are on the board already). */
  setCustomFields(draft: CustomFieldsDraft): Promise<'saved' | 'conflict'>;
  /** One set_item_types with the draft; as setWorkflow: 'conflict' when someone saved meanwhile (their types are on the board already). */
  setItemTypes(draft: ItemTypesDraft): Promise<'saved' | 'conflict'>;
}

export function createProjectSettings(board: BoardSlice): ProjectSettings {
  const current = () => board.project() ?? {};
  const target = () => ({ projectId: current().id ?? '', expectedVersion: Number(current().version ?? 0) });
  const named = () => current().key ?? 'the project';
  /** One draft editor's save: 'conflict' when someone saved meanwhile (theirs is on the board already, for the draft to rebase on). */
  const saveDraft = async (kind: SettingsKind, what: string, command: (projectId: string, expectedVersion: number) => Command): Promise<'saved' | 'conflict'> => {
    const { projectId, expectedVersion } = target();
    const outcome = await board.saveSettings(kind, command(projectId, expectedVersion), `save ${what} of ${named()}`, `Saved ${what} of ${named()}.`);
    if (outcome.kind === 'conflict') return 'conflict';
    resultOf(outcome);
    return 'saved';
  };
  return {
    async save(wanted) {
      const changed: Partial<ProjectFields> = {};
      for (const field of ['name', 'description', 'key'] as const) if (wanted[field] !== (current()[field] ?? '')) changed[field] = wanted[field];
      if (Object.keys(changed).length === 0) return null;
      return resultOf(await board.send({ command: { updateProject: { ...target(), ...changed } }, action: `save ${named()}` })).project ?? null;
    },
    async archive() {
      resultOf(await board.send({ command: { archiveProject: target() }, action: `archive ${named()}` }));
    },
    async restore() {
      resultOf(await board.send({ command: { restoreProject: target() }, action: `restore ${named()}` }));
    },
    async remove(confirmKey) {
      resultOf(await board.send({ command: { deleteProject: { ...target(), confirmKey } }, action: `delete ${named()}` }));
    },
    setWorkflow: (draft) => saveDraft('workflow', 'the workflow', (projectId, version) => setWorkflowCommand(draft, projectId, version)),
    setCustomFields: (draft) => saveDraft('customFields', 'the custom fields', (projectId, version) => setCustomFieldsCommand(draft, projectId, version)),
    setItemTypes: (draft) => saveDraft('itemTypes', 'the item types', (projectId, version) => setItemTypesCommand(draft, projectId, version)),
    async setPullMode(on) {
      if (Boolean(current().pullMode) === on) return;
      const words = on ? 'on' : 'off';
      resultOf(await board.saveSettings('pullMode', { updateProject: { ...target(), pullMode: on } }, `turn pull mode ${words}`, `Pull mode is ${words}.`));
    },
  };
}
