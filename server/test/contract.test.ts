// The wire contract is one source (proto/tandem.proto); the generated code
// must match it and every change to it must bump the protocol version.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.ts';

// When this test fails after an edit of the .proto: bump PROTOCOL_VERSION, add a
// changelog line in shared/protocol/version.ts, and put the new pair here.
const GOLDEN = { version: 19, descriptorSha256: '90fc6dee1a9c60342ff182a2a0f25cef8ec8b6ee7fc6ec66625e557f1f8ffed3' };

function loadContract(): protobuf.Root {
  return new protobuf.Root().loadSync('proto/tandem.proto', { keepCase: true });
}

function descriptorHash(): string {
  const root = loadContract();
  return createHash('sha256').update(JSON.stringify(root.toJSON())).digest('hex');
}

describe('the wire contract', () => {
  it('PROTO-1 generated code in shared/gen matches proto/tandem.proto (npm run proto:check)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/proto-gen.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('PROTO-2 the descriptor is the one pinned to this protocol version', () => {
    expect({ version: PROTOCOL_VERSION, descriptorSha256: descriptorHash() }).toEqual(GOLDEN);
  });

  it('PROTO-3 keeps the names docs/PROTOCOL.md fixes', () => {
    const v1 = loadContract().lookup('tandem.v1') as protobuf.Namespace;
    const commands = (v1.lookupType('ClientFrame').oneofs['command']!.fieldsArray).map((f) => f.name);
    expect(commands).toEqual(expect.arrayContaining([
      'list_projects', 'get_board', 'get_history', 'get_comments', 'subscribe', 'unsubscribe',
      'create_project', 'create_work_item', 'update_work_item', 'move_work_item', 'delete_work_item',
      'restore_work_item', 'claim_work_item', 'add_comment', 'edit_comment', 'delete_comment',
      'create_sprint', 'update_sprint', 'start_sprint', 'complete_sprint', 'add_member',
      'change_member_role', 'remove_member', 'set_presence',
    ]));
    const result = v1.lookupType('Result');
    expect(result.fields['seq']!.id).toBe(1);
    // The fixed values, in their order; additions may only follow them.
    expect(result.oneofs['value']!.fieldsArray.map((f) => f.name).slice(0, 11)).toEqual([
      'project', 'work_item', 'comment', 'sprint', 'member', 'projects', 'board', 'history', 'comments', 'subscribed', 'ok',
    ]);
    const codes = Object.keys(v1.lookupEnum('ErrorCode').values);
    for (const code of ['INVALID_ARGUMENT', 'UNAUTHENTICATED', 'PERMISSION_DENIED', 'NOT_FOUND', 'CONFLICT',
      'FAILED_PRECONDITION', 'RATE_LIMITED', 'RESYNC_REQUIRED', 'INTERNAL', 'UNAVAILABLE']) {
      expect(codes).toContain(`ERROR_CODE_${code}`);
    }
    const server = v1.lookupType('ServerFrame');
    expect([server.fields['message_id']!.id, server.fields['server_time_ms']!.id]).toEqual([1, 2]);
    expect(v1.lookupType('ClientFrame').fields['message_id']!.id).toBe(1);
  });
});
