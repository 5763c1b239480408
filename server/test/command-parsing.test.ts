// Commands are parsed once, before any handler runs (server/src/commands/):
// required ids are checked there, proto3 `optional` fields stay undefined
// when absent, repeated fields are arrays and int64 fields numbers.
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors.ts';
import { ErrorCode, ItemType, pb, Role, type IClientFrame } from '../../shared/proto.ts';
import { COMMAND_NAMES } from '../../shared/protocol/commands.ts';
import { COMMAND_PARSERS } from '../src/commands/parsers.ts';
import { signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

type Command = Omit<IClientFrame, 'messageId'>;

describe('over a real socket', () => {
  let srv: TestServer;
  let ada: Session;
  let client: TestClient;
  let projectId: string;

  beforeAll(async () => {
    srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '1000', RATE_LIMIT_BURST: '1000' });
    ada = await signup(srv.http, 'Ada');
    client = await TestClient.connect(srv.ws, ada.token);
    projectId = (await client.ok({ createProject: { key: 'EDGE', name: 'Edge' } })).project!.id!;
  });

  afterAll(async () => {
    client.close();
    await srv.stop();
  });

  const seq = async () => Number((await client.ok({ getBoard: { projectId } })).board!.seq);

  it('EDGE-1 a command without a required id is INVALID_ARGUMENT naming the field, and writes nothing', async () => {
    const userId = ada.user.id;
    const missing: Array<[Command, string]> = [
      [{ getBoard: {} }, 'project_id'],
      [{ getHistory: {} }, 'work_item_id'],
      [{ getComments: {} }, 'work_item_id'],
      [{ subscribe: { projects: [{ sinceSeq: 0 }] } }, 'projects'],
      [{ setPresence: { viewingWorkItemId: '' } }, 'project_id'],
      [{ createWorkItem: { itemType: ItemType.ITEM_TYPE_TASK, title: 'Orphan' } }, 'project_id'],
      [{ updateWorkItem: { expectedVersion: 1, title: 'Nothing' } }, 'work_item_id'],
      [{ moveWorkItem: { expectedVersion: 1 } }, 'work_item_id'],
      [{ deleteWorkItem: { expectedVersion: 1 } }, 'work_item_id'],
      [{ restoreWorkItem: {} }, 'work_item_id'],
      [{ claimWorkItem: {} }, 'work_item_id'],
      [{ addComment: { body: 'Hello?' } }, 'work_item_id'],
      [{ editComment: { expectedVersion: 1, body: 'Hello?' } }, 'comment_id'],
      [{ deleteComment: {} }, 'comment_id'],
      [{ createSprint: { name: 'Sprint 1' } }, 'project_id'],
      [{ updateSprint: { expectedVersion: 1, name: 'Sprint 2' } }, 'sprint_id'],
      [{ startSprint: {} }, 'sprint_id'],
      [{ completeSprint: {} }, 'sprint_id'],
      [{ addMember: { userId, role: Role.ROLE_EDITOR } }, 'project_id'],
      [{ addMember: { projectId, role: Role.ROLE_EDITOR } }, 'user_id'],
      [{ changeMemberRole: { projectId, role: Role.ROLE_VIEWER } }, 'user_id'],
      [{ removeMember: { userId } }, 'project_id'],
    ];
    const before = await seq();
    for (const [command, field] of missing) {
      const { error } = await client.request(command);
      const name = Object.keys(command)[0];
      expect({ name, code: error?.code, field: error?.field, message: error?.message })
        .toEqual({ name, code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field, message: `${field} is required` });
    }
    expect(await seq()).toBe(before);
  });

  it('EDGE-2 a write refused at parsing is remembered like any refusal: its message id gets the same answer again', async () => {
    const first = await client.request({ createSprint: { name: 'Sprint 1' } }, 'edge-2');
    const again = await client.request({ createSprint: { projectId, name: 'Sprint 1' } }, 'edge-2');
    expect(first.error?.field).toBe('project_id');
    expect(again.error).toEqual(first.error);
  });
});

describe('the parsers', () => {
  const v1 = new protobuf.Root().loadSync('proto/tandem.proto').lookup('tandem.v1') as protobuf.Namespace;
  const commandTypes = v1.lookupType('ClientFrame').oneofs['command']!.fieldsArray;

  it('EDGE-3 read exactly the proto fields of each command: optional ones undefined when absent, repeated ones arrays, the rest their defaults', () => {
    expect(commandTypes.map((f) => f.name).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const commandField of commandTypes) {
      const name = commandField.name as keyof typeof COMMAND_PARSERS;
      const type = v1.lookupType(commandField.type);
      // As the socket gets it: an empty message decoded from the wire. Required ids are given.
      const raw = pb[type.name as 'GetBoard'].decode(new Uint8Array()) as unknown as Record<string, unknown>;
      for (const f of type.fieldsArray) if (/Id$/.test(f.name) && f.type === 'string' && !f.options?.['proto3_optional']) raw[f.name] = 'x';
      const parsed = COMMAND_PARSERS[name](raw) as Record<string, unknown>;
      expect(Object.keys(parsed).sort(), name).toEqual(type.fieldsArray.map((f) => f.name).sort());
      for (const f of type.fieldsArray) {
        const value = parsed[f.name];
        if (f.options?.['proto3_optional']) expect(value, `${name}.${f.name}`).toBeUndefined();
        else if (f.repeated) expect(value, `${name}.${f.name}`).toEqual([]);
        else expect(value, `${name}.${f.name}`).not.toBeUndefined();
      }
    }
  });

  it('EDGE-4 refuse a wrong-typed field with INVALID_ARGUMENT naming it', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (err) {
        if (err instanceof AppError) return { code: err.code, field: err.field };
        throw err;
      }
      return null;
    };
    const invalid = (field: string) => ({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field });
    expect(refusal(() => COMMAND_PARSERS.getBoard({ projectId: 7 }))).toEqual(invalid('project_id'));
    expect(refusal(() => COMMAND_PARSERS.updateWorkItem({ workItemId: 'w', expectedVersion: '3' }))).toEqual(invalid('expected_version'));
    expect(refusal(() => COMMAND_PARSERS.updateWorkItem({ workItemId: 'w', title: 5 }))).toEqual(invalid('title'));
    expect(refusal(() => COMMAND_PARSERS.updateWorkItem({ workItemId: 'w', labels: 'bug' }))).toEqual(invalid('labels'));
    expect(refusal(() => COMMAND_PARSERS.updateWorkItem({ workItemId: 'w', clear: ['title', 3] }))).toEqual(invalid('clear'));
    expect(refusal(() => COMMAND_PARSERS.subscribe({ projects: [{ projectId: 'p', sinceSeq: 1.5 }] }))).toEqual(invalid('projects'));
    expect(refusal(() => COMMAND_PARSERS.removeMember({ projectId: 'p', userId: 'u'.repeat(129) }))).toEqual(invalid('user_id'));
    expect(COMMAND_PARSERS.moveWorkItem({ workItemId: 'w', expectedVersion: 3, sprintId: '' })).toEqual({
      workItemId: 'w', expectedVersion: 3, statusId: '', beforeId: '', afterId: '', sprintId: '',
    });
  });
});
