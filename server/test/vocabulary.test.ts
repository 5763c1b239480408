// One declaration per vocabulary (docs/DESIGN.md, "Where a new field or command
// goes"): the server's tables must agree with shared/protocol/, or it refuses to start.
import { describe, expect, it } from 'vitest';
import { COMMAND_KINDS } from '../../shared/protocol/commands.ts';
import { ERROR_CODES } from '../../shared/protocol/error-codes.ts';
import { ErrorCode } from '../../shared/proto.ts';
import { HANDLERS, checkHandlerKinds } from '../src/handlers/index.ts';

describe('VOC vocabulary tables', () => {
  it('VOC-1 every handler has the kind shared/protocol/commands.ts declares', () => {
    expect(() => checkHandlerKinds()).not.toThrow();
    expect(Object.fromEntries(Object.entries(HANDLERS).map(([name, h]) => [name, h.kind]))).toEqual(COMMAND_KINDS);
  });

  it('VOC-2 a handler table that disagrees is refused, naming the command', () => {
    const wrong = { ...HANDLERS, getBoard: { ...HANDLERS.getBoard, kind: 'write' as const } };
    expect(() => checkHandlerKinds(wrong)).toThrow(/getBoard is write, declared read/);
  });

  it('VOC-3 every ErrorCode has a recovery, and only answers of the moment are not remembered', () => {
    const codes = Object.values(ErrorCode).filter((v): v is ErrorCode => typeof v === 'number');
    expect(Object.keys(ERROR_CODES).map(Number).sort()).toEqual([...codes].sort());
    const forgotten = codes.filter((c) => !ERROR_CODES[c].remembered).map((c) => ErrorCode[c]);
    expect(forgotten.sort()).toEqual(['ERROR_CODE_INTERNAL', 'ERROR_CODE_RATE_LIMITED', 'ERROR_CODE_UNAUTHENTICATED', 'ERROR_CODE_UNAVAILABLE']);
  });
});
