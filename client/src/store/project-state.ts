// The project model (model/project.ts) held for Solid: one signal per
// entity, so a view that reads the members is not rerun by an item change.
// Setting a model writes every entity, and a signal whose entity the reducers
// left as it was (the same object) notifies nobody.
import { batch, createSignal, type Accessor } from 'solid-js';
import { EMPTY_MODEL, type ProjectModel } from './model/project.ts';

export type ProjectState = { readonly [K in keyof ProjectModel]: Accessor<ProjectModel[K]> } & {
  /** Every entity, read (and so tracked) at once. */
  model(): ProjectModel;
  set(model: ProjectModel): void;
};

export function createProjectState(): ProjectState {
  const [project, setProject] = createSignal(EMPTY_MODEL.project);
  const [statuses, setStatuses] = createSignal(EMPTY_MODEL.statuses);
  const [members, setMembers] = createSignal(EMPTY_MODEL.members);
  const [labels, setLabels] = createSignal(EMPTY_MODEL.labels);
  const [sprints, setSprints] = createSignal(EMPTY_MODEL.sprints);
  const [items, setItems] = createSignal(EMPTY_MODEL.items);
  const [links, setLinks] = createSignal(EMPTY_MODEL.links);
  return {
    project,
    statuses,
    members,
    labels,
    sprints,
    items,
    links,
    model: () => ({ project: project(), statuses: statuses(), members: members(), labels: labels(), sprints: sprints(), items: items(), links: links() }),
    set: (model) =>
      batch(() => {
        setProject(model.project);
        setStatuses(model.statuses);
        setMembers(model.members);
        setLabels(model.labels);
        setSprints(model.sprints);
        setItems(model.items);
        setLinks(model.links);
      }),
  };
}
