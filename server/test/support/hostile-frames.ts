// Hostile ClientFrames for any command, generated from a seed (rule HARD-1d,
// docs/PROTOCOL.md §17): the largest frames the limits allow and somewhat
// beyond. The command messages are read from proto/tandem.proto, so a command
// or field added there is covered without a change here.
import protobuf from 'protobufjs';
import { pb, type CommandName } from '../../../shared/proto.ts';
import { CLEARABLE_FIELDS } from '../../../shared/protocol/work-item-fields.ts';
import type { Rng } from './rng.ts';

/** Ids of live entities in the attacking tenant, so frames reach the handlers' deep paths. */
export interface Fixture {
  projectId: string;
  itemId: string;
  otherItemId: string;
  commentId: string;
  sprintId: string;
  nextSprintId: string;
  statusId: string;
  /** Another user of the tenant (a member of the project or not). */
  userId: string;
}

export interface HostileFrame {
  /** What the frame is, for failure messages: "updateWorkItem fill:clear". */
  label: string;
  /** Over MAX_FRAME_BYTES: the server closes the socket instead of answering. */
  overFrameLimit: boolean;
  /** The frame's bytes for these entities and message id. */
  build(fx: Fixture): (messageId: string) => Uint8Array;
}

type Random = Rng;

const root = new protobuf.Root().loadSync('proto/tandem.proto');
root.resolveAll();
const clientFrame = root.lookupType('tandem.v1.ClientFrame');
const commandFields = clientFrame.oneofs['command']!.fieldsArray;

/** Characters of 1, 2, 3 and 4 UTF-8 bytes, white space, invisible ones and ones the text rules refuse. */
const ALPHABETS = {
  ascii: ['a', 'Z', '7', '-', ' '],
  latin: ['é', 'ß', 'ø'],
  cjk: ['漢', '字', 'か'],
  astral: ['😀', '🚀', '𝄞'],
  blank: [' ', '\t', '\n', '\u00a0'],
  invisible: ['\u200b', '\u200d', '\ufeff', '\u2060'],
  control: ['\u0000', '\u0007', '\u0085', 'a'],
  surrogate: ['\ud800', '\udfff', 'a'],
} as const;
type Alphabet = keyof typeof ALPHABETS;
const ALPHABET_NAMES = Object.keys(ALPHABETS) as Alphabet[];

/** Lengths at and just past every text limit of §6 and §17, and a few plain ones. */
const TEXT_LENGTHS = [0, 1, 2, 50, 51, 64, 65, 100, 101, 128, 129, 500, 501, 1000, 1001, 16_384, 16_385, 65_536, 65_537];
const LIST_COUNTS = [0, 1, 6, 7, 20, 21, 100, 101, 999, 1001];
const INTS = [0, 1, 2, -1, 7, 2 ** 31, Number.MAX_SAFE_INTEGER];
const DOUBLES = [0, 1, 3.5, 1000, 1000.5, -1, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e308];

/** At least `units` UTF-16 units of the alphabet: a random stretch, repeated (a 256 KiB string char by char is slow to make). */
function text(rnd: Random, alphabet: Alphabet, units: number): string {
  const chars = ALPHABETS[alphabet];
  let stretch = '';
  while (stretch.length < Math.min(units, 997)) stretch += rnd.pick(chars);
  return stretch.repeat(Math.ceil(units / Math.max(stretch.length, 1))).slice(0, units);
}

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');
const varintLength = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : 4);

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

const tag = (field: number, wireType: number) => varint(field * 8 + wireType);

/** A length-delimited field: tag, length, bytes. */
export const delimited = (field: number, bytes: Uint8Array) =>
  concat([Uint8Array.from([...tag(field, 2), ...varint(bytes.length)]), bytes]);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const isOptional = (f: protobuf.Field) => Boolean(f.options?.['proto3_optional']);
const isId = (f: protobuf.Field) => f.type === 'string' && /Ids?$/.test(f.name);

/** The fixture's id for a field, by what the field names; an unknown kind gets a made-up id. */
function idFor(name: string, fx: Fixture): string {
  const byName: Record<string, string> = {
    projectId: fx.projectId, projectIds: fx.projectId, workItemId: fx.itemId, viewingWorkItemId: fx.itemId,
    parentId: fx.otherItemId, afterId: fx.otherItemId, beforeId: fx.otherItemId, commentId: fx.commentId,
    sprintId: fx.sprintId, nextSprintId: fx.nextSprintId, statusId: fx.statusId, userId: fx.userId, assigneeId: fx.userId,
  };
  return byName[name] ?? 'f3c0ffee-0000-4000-8000-000000000000';
}

/** A value the command accepts for the field, so the rest of the frame decides how deep it goes. */
function validValue(f: protobuf.Field, fx: Fixture, rnd: Random): unknown {
  if (!f.repeated && f.resolvedType instanceof protobuf.Type) return messageOf(f.resolvedType, (g) => validValue(g, fx, rnd));
  if (f.repeated && f.resolvedType instanceof protobuf.Enum) return [];
  if (f.repeated) {
    if (f.resolvedType instanceof protobuf.Type) return [{ projectId: fx.projectId, sinceSeq: 0 }];
    return isId(f) ? [fx.projectId] : [];
  }
  if (isOptional(f)) return undefined;
  if (f.resolvedType instanceof protobuf.Enum) return Object.values(f.resolvedType.values).find((v) => v > 0) ?? 0;
  switch (f.type) {
    case 'string':
      if (isId(f)) return idFor(f.name, fx);
      if (f.name === 'key') return Array.from({ length: 2 + rnd.int(0, 8) }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[rnd.int(0, 25)]).join('');
      return ['title', 'name', 'body'].includes(f.name) ? `hostile ${f.name}` : '';
    case 'int64':
      return f.name === 'expectedVersion' ? 1 : 0;
    case 'int32':
      return 0;
    case 'double':
      return 1;
    case 'bool':
      return false;
    default:
      throw new Error(`no valid value for ${f.name} (${f.type})`);
  }
}

function randomString(f: protobuf.Field, fx: Fixture, rnd: Random): string {
  if (isId(f) && rnd.chance(0.4)) return rnd.pick(['', idFor(f.name, fx), 'x'.repeat(128), 'x'.repeat(129)]);
  return text(rnd, rnd.pick(ALPHABET_NAMES), rnd.pick(TEXT_LENGTHS));
}

/** A nested message with each field's value from `value`. */
const messageOf = (type: protobuf.Type, value: (f: protobuf.Field) => unknown) => Object.fromEntries(type.fieldsArray.map((g) => [g.name, value(g)]));
const positiveValues = (e: protobuf.Enum) => Object.values(e.values).filter((v) => v > 0);

/** The i-th entry of a long list that the command would accept entry by entry: cursors that replay the whole log, real ids, real names. */
function validEntry(f: protobuf.Field, fx: Fixture, i: number): unknown {
  if (f.resolvedType instanceof protobuf.Enum) return positiveValues(f.resolvedType)[i % positiveValues(f.resolvedType).length];
  if (f.resolvedType instanceof protobuf.Type) return { projectId: fx.projectId, sinceSeq: 1 };
  if (f.name === 'clear') return CLEARABLE_FIELDS[i % CLEARABLE_FIELDS.length];
  return isId(f) ? idFor(f.name, fx) : `label ${i}`;
}

function randomEntry(f: protobuf.Field, fx: Fixture, rnd: Random): unknown {
  if (f.resolvedType instanceof protobuf.Enum) return rnd.pick([...Object.values(f.resolvedType.values), 99, -1]);
  if (f.resolvedType instanceof protobuf.Type) {
    return { projectId: rnd.chance(0.7) ? fx.projectId : randomString(f, fx, rnd), sinceSeq: rnd.pick([0, 1, 2, -1, 2 ** 40]) };
  }
  if (f.name === 'clear') return rnd.pick([...CLEARABLE_FIELDS, 'title', '', 'x'.repeat(100)]);
  if (isId(f)) return rnd.chance(0.5) ? idFor(f.name, fx) : randomString(f, fx, rnd);
  return rnd.chance(0.5) ? `l${rnd.int(0, 199)}` : randomString(f, fx, rnd);
}

function randomValue(f: protobuf.Field, fx: Fixture, rnd: Random): unknown {
  if (isOptional(f) && rnd.chance(0.4)) return undefined;
  if (f.repeated) return Array.from({ length: rnd.pick(LIST_COUNTS) }, () => randomEntry(f, fx, rnd));
  if (f.resolvedType instanceof protobuf.Type) return messageOf(f.resolvedType, (g) => randomValue(g, fx, rnd));
  if (f.resolvedType instanceof protobuf.Enum) return rnd.pick([...Object.values(f.resolvedType.values), 99, -1]);
  switch (f.type) {
    case 'string':
      return randomString(f, fx, rnd);
    case 'int64':
      return f.name === 'expectedVersion' && rnd.chance(0.5) ? 1 : rnd.pick(INTS);
    case 'int32':
      return rnd.pick(INTS.filter((n) => Math.abs(n) <= 2 ** 31 - 1));
    case 'double':
      return rnd.pick(DOUBLES);
    case 'bool':
      return rnd.chance(0.5);
    default:
      throw new Error(`no random value for ${f.name} (${f.type})`);
  }
}

/** A frame's bytes: the message id, then the command's oneof field as given. */
function frameOf(commandField: Uint8Array) {
  return (messageId: string) => concat([pb.ClientFrame.encode({ messageId }).finish(), commandField]);
}

/**
 * Every hostile frame for one command. `maxFrameBytes` is the server's
 * MAX_FRAME_BYTES; message ids of up to 64 characters fit in the room left.
 * Each frame is built for the entities of the moment: a write that
 * succeeded may have deleted or changed the ones before.
 */
export function hostileFrames(name: CommandName, rnd: Random, maxFrameBytes: number): HostileFrame[] {
  const field = commandFields.find((f) => f.name === name);
  if (!field) throw new Error(`${name} is not a command of ClientFrame`);
  const type = field.resolvedType as protobuf.Type;
  const encode = (value: Record<string, unknown>) => type.encode(type.fromObject(value)).finish();
  /** Room for the command message itself: the frame less the message id and the oneof field's tag and length. */
  const room = maxFrameBytes - 66 - tag(field.id, 2).length - 3;
  const valid = (fx: Fixture) => Object.fromEntries(type.fieldsArray.map((f) => [f.name, validValue(f, fx, rnd)]));
  const frames: HostileFrame[] = [];
  const add = (label: string, body: (fx: Fixture) => Uint8Array, overFrameLimit = false) => {
    frames.push({
      label: `${name} ${label}`,
      overFrameLimit,
      build: (fx) => {
        const bytes = body(fx);
        if (!overFrameLimit && bytes.length > room) throw new Error(`${name} ${label}: ${bytes.length} bytes do not fit in ${room}`);
        return frameOf(delimited(field.id, bytes));
      },
    });
  };

  // One field made as large as the frame allows, every other one valid.
  for (const f of type.fieldsArray) {
    if (f.type !== 'string' && !f.repeated) continue;
    add(`fill:${f.name}`, (fx) => {
      const value = valid(fx);
      value[f.name] = f.repeated ? [] : '';
      const left = room - encode(value).length - 8;
      if (f.repeated) {
        const entry = randomEntry(f, fx, rnd);
        const entrySize = f.resolvedType instanceof protobuf.Type
          ? f.resolvedType.encode(entry as object).finish().length
          : utf8Length(entry as string);
        const count = Math.floor(left / (tag(f.id, 2).length + varintLength(entrySize) + entrySize));
        value[f.name] = Array.from({ length: count }, () => entry);
      } else {
        const alphabet = rnd.pick(ALPHABET_NAMES);
        const widest = Math.max(...ALPHABETS[alphabet].map(utf8Length));
        value[f.name] = text(rnd, alphabet, Math.floor((left - 8) / widest));
      }
      return encode(value);
    });
  }

  // Each list as long as the longest any command takes (§17), every entry
  // one the command would take on its own.
  for (const f of type.fieldsArray) {
    if (!f.repeated) continue;
    add(`many:${f.name}`, (fx) => {
      const value = valid(fx);
      value[f.name] = Array.from({ length: 100 }, (_, i) => validEntry(f, fx, i));
      if (f.name === 'labels') value['setLabels'] = true;
      return encode(value);
    });
  }

  // Every field random; the longest text or list halved until the frame fits.
  for (let i = 0; i < 3; i++) {
    add(`random#${i}`, (fx) => {
      const value = Object.fromEntries(type.fieldsArray.map((f) => [f.name, randomValue(f, fx, rnd)]));
      for (let body = encode(value); ; body = encode(value)) {
        if (body.length <= room) return body;
        const longest = Object.entries(value)
          .filter((e): e is [string, string | unknown[]] => typeof e[1] === 'string' || Array.isArray(e[1]))
          .sort((a, b) => b[1].length - a[1].length)[0]!;
        value[longest[0]] = longest[1].slice(0, Math.floor(longest[1].length / 2));
      }
    });
  }

  // Below the message, on the wire: fields this server does not know, a
  // singular field sent over and over (the last one wins when decoded), and
  // unknown groups nested as deep as the bytes go.
  const fillWith = (unit: number[]) => (fx: Fixture) => {
    const base = encode(valid(fx));
    const out = new Uint8Array(base.length + Math.floor((room - base.length) / unit.length) * unit.length);
    out.set(base);
    for (let at = base.length; at < out.length; at += unit.length) out.set(unit, at);
    return out;
  };
  add('wire:unknown-fields', fillWith([...tag(1000, 0), 0]));
  const firstString = type.fieldsArray.find((f) => f.type === 'string' && !f.repeated);
  if (firstString) add(`wire:repeated-${firstString.name}`, fillWith([...tag(firstString.id, 2), 0]));
  add('wire:nested-groups', fillWith(tag(1001, 3)));
  // Past the frame limit by a little: refused by its size alone.
  add('over-frame-limit', (fx) => concat([encode(valid(fx)), delimited(1002, new Uint8Array(maxFrameBytes + 1 + rnd.int(0, 4095)))]), true);
  return frames;
}
