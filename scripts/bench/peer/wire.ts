// The peer's JSON messages: one Socket.IO event per command, answered through
// the acknowledgement callback; broadcasts are the `event` event. Shapes follow
// the protobuf messages field for field, so the wire sizes compare like for like.
export interface PeerWorkItem {
  id: string;
  projectId: string;
  key: string;
  number: number;
  itemType: string;
  parentId: string;
  title: string;
  description: string;
  statusId: string;
  priority: string;
  storyPoints: number | null;
  assigneeId: string;
  sprintId: string;
  labels: string[];
  rank: string;
  version: number;
  createdAtMs: number;
  createdBy: string;
  updatedAtMs: number;
  updatedBy: string;
}

export interface PeerStatus {
  id: string;
  name: string;
  category: string;
}

export interface PeerProject {
  id: string;
  key: string;
  name: string;
  statuses: PeerStatus[];
  version: number;
}

export interface PeerEvent {
  projectId: string;
  seq: number;
  actorId: string;
  occurredAtMs: number;
  workItem?: { workItem: PeerWorkItem; changedFields: string[] };
  project?: { project: PeerProject };
}

export interface PeerError {
  code: 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'PERMISSION_DENIED' | 'CONFLICT' | 'RESYNC_REQUIRED' | 'INTERNAL';
  message: string;
  field?: string;
  current?: PeerWorkItem;
}

export type PeerReply =
  | { ok: true; seq: number; workItem?: PeerWorkItem; project?: PeerProject; subscribed?: Array<{ projectId: string; seq: number }>; missed?: PeerEvent[] }
  | { ok: false; error: PeerError };

export interface CreateProject {
  messageId: string;
  key: string;
  name: string;
}

export interface CreateWorkItem {
  messageId: string;
  projectId: string;
  statusId: string;
  title: string;
  description?: string;
}

/** Only the fields present change (like proto3 `optional`). */
export interface UpdateWorkItem {
  messageId: string;
  workItemId: string;
  expectedVersion: number;
  title?: string;
  description?: string;
  statusId?: string;
  priority?: string;
}

export interface Subscribe {
  projects: Array<{ projectId: string; sinceSeq: number }>;
}

export interface PeerCommands {
  create_project: CreateProject;
  create_work_item: CreateWorkItem;
  update_work_item: UpdateWorkItem;
  subscribe: Subscribe;
}
