// What a command's parser is made of: one reader per field type. A decoded
// protobuf message reads an absent proto3 field as its default (from its
// prototype), a plain object leaves it undefined; both read the same here.
// Each reader is made once, at start: a frame costs type checks and the
// parsed object, nothing else.
import { invalidArgument } from '../../../shared/domain/errors.ts';
import { LIMITS, checkId } from '../../../shared/domain/validation.ts';

/** Reads one field's value; `field` is its proto name (snake_case), which an INVALID_ARGUMENT names. */
export type Field<T> = (value: unknown, field: string) => T;

/** The parsed form of a message whose fields `S` reads. */
export type Message<S> = { readonly [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/** Reads a whole command (the message of ClientFrame's oneof case). */
export type Parser<T> = (value: unknown) => T;

const wrongType = (field: string, what: string) => invalidArgument(field, `${field} must be ${what}`);

export const string: Field<string> = (value, field) => {
  if (value == null) return '';
  if (typeof value !== 'string') throw wrongType(field, 'text');
  return value;
};

/** A required id. proto3 cannot tell a missing string from an empty one: both are "x is required". */
export const id: Field<string> = (value, field) => checkId(string(value, field), field);

/**
 * An optional reference to another entity: empty for none, else held to an
 * id's length before anything looks it up (or echoes it in a message).
 */
export const ref: Field<string> = (value, field) => {
  const text = string(value, field);
  if (text.length > LIMITS.idMax) throw invalidArgument(field, `${field} is too long`);
  return text;
};

export const bool: Field<boolean> = (value, field) => {
  if (value == null) return false;
  if (typeof value !== 'boolean') throw wrongType(field, 'true or false');
  return value;
};

export const double: Field<number> = (value, field) => {
  if (value == null) return 0;
  if (typeof value !== 'number') throw wrongType(field, 'a number');
  return value;
};

/** int64 decodes to a number (shared/protobuf-runtime.js leaves Long out). */
export const int64: Field<number> = (value, field) => {
  if (value == null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(field, 'a whole number');
  return value;
};

/** Whether the number names a known value is the handler's rule: its message says which values there are. */
export const enumOf = <E extends number>(): Field<E> => int64 as Field<E>;

/** A proto3 `optional` field: undefined when absent, so "not sent" differs from "sent empty". */
export const optional =
  <T>(read: Field<T>): Field<T | undefined> =>
  (value, field) =>
    value == null ? undefined : read(value, field);

const NONE: readonly never[] = Object.freeze([]);

/**
 * A repeated field, as an array (never undefined), of at most `max` entries.
 * The count is checked before any entry is read, so a frame full of entries
 * costs no more than `max` of them.
 */
export const list =
  <T>(read: Field<T>, max: number): Field<readonly T[]> =>
  (value, field) => {
    if (value == null) return NONE;
    if (!Array.isArray(value)) throw wrongType(field, 'a list');
    if (value.length > max) throw invalidArgument(field, `${field} takes at most ${max} entries`);
    if (value.length === 0) return NONE;
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) out.push(read(value[i], field));
    return out;
  };

type Spec = Record<string, Field<unknown>>;

/** 'workItemId' -> 'work_item_id': protobufjs camel-cases the proto names, and errors use the proto's. */
const protoName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Reads a message's fields with one object literal compiled once per message
 * (field names embedded as JSON string literals). A loop over the field names
 * cost about 1 us per update_work_item against 50 ns: each property read and
 * write was a lookup V8 cannot cache when the name varies.
 */
function fieldsReader<S extends Spec>(spec: S): (value: unknown, as: string | null) => Message<S> {
  const keys = Object.keys(spec);
  const reads = keys.map((key) => spec[key]!);
  const names = keys.map(protoName);
  const fields = keys.map((key, i) => `${JSON.stringify(key)}: reads[${i}](raw[${JSON.stringify(key)}], as ?? names[${i}])`);
  const build = new Function('reads', 'names', `return (raw, as) => ({ ${fields.join(', ')} });`)(reads, names) as (
    raw: object,
    as: string | null,
  ) => Message<S>;
  return (value, as) => {
    if (value != null && typeof value !== 'object') throw wrongType(as ?? 'command', 'a message');
    return build(value ?? {}, as);
  };
}

/**
 * A message inside a repeated field. Its errors name the repeated field, as a
 * client shows them: on the list, not on one entry of it.
 */
export function message<S extends Spec>(spec: S): Field<Message<S>> {
  return fieldsReader(spec);
}

/** A command: each field read under its own proto name. */
export function command<S extends Spec>(spec: S): Parser<Message<S>> {
  const read = fieldsReader(spec);
  return (value) => read(value, null);
}
